import { expect, it } from 'vitest';
import { spawnUnit } from './helpers.js';

it('process.exit in a task ends only its thread, with the code in the reason', async () => {
  const { unit } = await spawnUnit('exits.mjs');
  const { unit: bystander } = await spawnUnit('spin-or-echo.mjs', { unit: 1 });
  const outcome = await unit.run({ index: 0, input: 7 });
  expect(outcome).toMatchObject({ ok: false, error: { kind: 'unit-exited' } });
  if (!outcome.ok) expect(outcome.error.message).toContain('exited with code 7');
  expect(await unit.exited).toMatchObject({ code: 7, signal: null });
  expect((await unit.exited).reason).toContain('exited with code 7');
  // Same process, other thread: unaffected.
  expect(await bystander.run({ index: 1, input: 'still here' })).toMatchObject({
    ok: true,
    value: 'still here',
  });
  await bystander.close();
});
