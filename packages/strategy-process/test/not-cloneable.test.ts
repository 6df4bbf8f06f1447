// That a value which cannot cross the IPC channel fails its own item alone (also beside others sent in the
// same batch) and the unit carries on is a conformance check; here, what the failure says, and the values
// the advanced serialisation carries whole.
import { expect, it } from 'vitest';
import { fixture, startUnit } from './load-strategy.js';

it('names what could not be sent: the input of which item, or the result', async () => {
  const { unit } = await startUnit(fixture('returns-function.mjs'));
  const input = await unit.run({ index: 4, input: { callback: () => 1 } });
  expect(input).toMatchObject({ ok: false, error: { kind: 'not-cloneable' } });
  if (!input.ok) expect(input.error.message).toContain('input of item 4');
  const output = await unit.run({ index: 5, input: 'function' });
  expect(output).toMatchObject({ ok: false, error: { kind: 'not-cloneable' } });
  if (!output.ok) expect(output.error.message).toContain("task's output cannot be sent back to the engine");
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
