import { expect, it } from 'vitest';
import { spawnUnit } from './helpers.js';

it('spawn rejects with the setup error when the task cannot start', async () => {
  await expect(spawnUnit('setup-throws.mjs')).rejects.toThrow(/could not start.*no database at db\.invalid/);
});

it('spawn rejects naming the module when the task module does not exist', async () => {
  await expect(spawnUnit('no-such-task.mjs')).rejects.toThrow(/no-such-task\.mjs could not be imported/);
});
