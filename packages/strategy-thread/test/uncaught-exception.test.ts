import { expect, it } from 'vitest';
import { spawnUnit } from './helpers.js';

it('an uncaught exception ends the thread: the item fails as unit-exited and `exited` names the error', async () => {
  const { unit } = await spawnUnit('throws-later.mjs');
  const outcome = await unit.run({ index: 0, input: 'late-boom' });
  expect(outcome.ok).toBe(false);
  if (!outcome.ok) {
    expect(outcome.error.kind).toBe('unit-exited');
    expect(outcome.error.message).toContain('uncaught Error: uncaught late-boom');
  }
  const exit = await unit.exited;
  expect(exit.reason).toContain('uncaught Error: uncaught late-boom');
  expect(exit.code).toBe(1);
  expect((await unit.sample()).scope).toBe('thread');
  // The unit is gone: later items fail at once instead of hanging.
  expect(await unit.run({ index: 1, input: 'x' })).toMatchObject({
    ok: false,
    error: { kind: 'unit-exited' },
  });
});
