// Values that cannot cross the IPC channel fail their own item with kind 'not-cloneable'; the unit carries on.
import { expect, it } from 'vitest';
import { fixture, startUnit } from './load-strategy.js';

it('fails an item whose input cannot be cloned, and keeps the unit usable', async () => {
  const { unit } = await startUnit(fixture('returns-function.mjs'));
  const outcome = await unit.run({ index: 4, input: { callback: () => 1 } });
  expect(outcome).toMatchObject({ ok: false, error: { kind: 'not-cloneable' } });
  if (!outcome.ok) expect(outcome.error.message).toContain('input of item 4');
  expect(await unit.run({ index: 5, input: 'fine' })).toMatchObject({ ok: true, value: 'fine' });
  await unit.close();
});

it('fails an item whose result cannot be cloned, and keeps the unit usable', async () => {
  const { unit } = await startUnit(fixture('returns-function.mjs'));
  const outcome = await unit.run({ index: 0, input: 'function' });
  expect(outcome).toMatchObject({ ok: false, error: { kind: 'not-cloneable' } });
  if (!outcome.ok) expect(outcome.error.message).toContain("task's output cannot be sent back to the engine");
  expect(await unit.run({ index: 1, input: 'fine' })).toMatchObject({ ok: true, value: 'fine' });
  await unit.close();
});

it('carries structured-clone values whole: Map, Set, Date, BigInt, typed arrays, cycles', async () => {
  const { unit } = await startUnit(fixture('returns-function.mjs'));
  const cyclic: Record<string, unknown> = { name: 'loop' };
  cyclic.self = cyclic;
  const input = {
    map: new Map([['a', 1]]),
    set: new Set([1, 2]),
    date: new Date(0),
    big: 2n ** 70n,
    bytes: new Float64Array([1.5, 2.5]),
    cyclic,
  };
  const outcome = await unit.run({ index: 0, input });
  expect(outcome.ok).toBe(true);
  if (outcome.ok) {
    const value = outcome.value as typeof input;
    expect(value).toEqual(input);
    expect(value.map).toBeInstanceOf(Map);
    expect(value.cyclic.self).toBe(value.cyclic);
  }
  await unit.close();
});

it('fails only the result that cannot travel when several settle at once and go back together', async () => {
  const { unit } = await startUnit(fixture('returns-function.mjs'), { inFlight: 3 });
  // A synchronous task: all three settle in the same turn of the child's loop, so they leave in one batch.
  const outcomes = await Promise.all(
    ['a', 'function', 'c'].map((input, index) => unit.run({ index, input })),
  );
  expect(outcomes[0]).toMatchObject({ ok: true, value: 'a' });
  expect(outcomes[1]).toMatchObject({ ok: false, error: { kind: 'not-cloneable' } });
  expect(outcomes[2]).toMatchObject({ ok: true, value: 'c' });
  await unit.close();
});
