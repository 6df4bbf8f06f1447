import { expect, it } from 'vitest';
import { sleep, spawnUnit } from './helpers.js';

it('a thread stuck in while (true) past a timeout is killed, and a replacement in its slot carries on', async () => {
  const { unit, spec } = await spawnUnit('spin-or-echo.mjs', { unit: 3 });
  const stuck = unit.run({ index: 0, input: 'spin' });
  // What an engine does when the item's timeout expires: kill the unit, start another in the same slot.
  const timedOut = await Promise.race([stuck.then(() => false), sleep(200).then(() => true)]);
  expect(timedOut).toBe(true);
  await unit.kill();
  const outcome = await stuck;
  expect(outcome).toMatchObject({ ok: false, error: { kind: 'killed' } });

  const { unit: replacement } = await spawnUnit('spin-or-echo.mjs', { unit: 3, progress: spec.progress });
  expect(replacement.id).not.toBe(unit.id);
  expect(await replacement.run({ index: 1, input: 'next' })).toMatchObject({ ok: true, value: 'next' });
  await replacement.close();
});

it('a killed unit keeps its final figures and refuses further items', async () => {
  const { unit } = await spawnUnit('spin-or-echo.mjs');
  void unit.run({ index: 0, input: 'spin' });
  await sleep(100);
  await unit.kill();
  const sample = await unit.sample();
  expect(sample.scope).toBe('thread');
  expect(await unit.sample()).toEqual(sample);
  expect(await unit.run({ index: 1, input: 'late' })).toMatchObject({ ok: false });
});
