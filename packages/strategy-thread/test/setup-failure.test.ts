import { expect, it } from 'vitest';
import { spawnUnit } from './helpers.js';

it('spawn rejects with the setup error when the task cannot start', async () => {
  await expect(spawnUnit('setup-throws.mjs')).rejects.toThrow(/could not start.*no database at db\.invalid/);
});

it('spawn rejects naming the module when the task module does not exist', async () => {
  await expect(spawnUnit('no-such-task.mjs')).rejects.toThrow(/no-such-task\.mjs could not be imported/);
});

it('spawn rejects saying the setup never settled, not that the task called process.exit', async () => {
  const spawning = spawnUnit('setup-never-settles.mjs');
  await expect(spawning).rejects.toThrow(
    /exited with code 13: the task's import or setup was still waiting on a promise that never settles/,
  );
  await expect(spawning).rejects.not.toThrow(/process\.exit/);
});
