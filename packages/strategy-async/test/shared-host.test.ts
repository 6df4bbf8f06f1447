import { makeSpec } from '@concur/core/testkit';
import { expect, it } from 'vitest';
import strategy from '../src/index.js';
import { fixture } from './fixture-url.js';

const task = fixture('lifecycle.mjs');

it('imports and sets up the task once for all slots, tears it down when the last slot closes', async () => {
  const units = await Promise.all([4, 5, 6].map((unit) => strategy.spawn(makeSpec(task, { unit }))));
  const first = await Promise.all(units.map((u, index) => u.run({ index, input: null })));
  expect(first.map((o) => o.ok && o.value)).toEqual([
    { setups: 1, teardowns: 0, unit: 4 },
    { setups: 1, teardowns: 0, unit: 5 },
    { setups: 1, teardowns: 0, unit: 6 },
  ]);

  await units[0]?.close();
  await units[1]?.close();
  expect(await units[2]?.run({ index: 3, input: null })).toMatchObject({ value: { teardowns: 0 } });
  await units[2]?.close();

  // The task was torn down with the last slot; a new slot sets it up afresh.
  const again = await strategy.spawn(makeSpec(task, { unit: 0 }));
  expect(await again.run({ index: 4, input: null })).toMatchObject({ value: { setups: 2, teardowns: 1 } });
  await again.close();
});

it('keeps the task set up after a kill, for the replacement slot', async () => {
  const killed = await strategy.spawn(makeSpec(task, { unit: 0 }));
  const before = await killed.run({ index: 0, input: null });
  await killed.kill();
  const replacement = await strategy.spawn(makeSpec(task, { unit: 0 }));
  const after = await replacement.run({ index: 1, input: null });
  expect(after.ok && before.ok && after.value).toEqual(before.ok && before.value);
  await replacement.close();
});
