// Values travel in V8's format (structured clone): whole when they can be cloned, and a value that cannot
// fails its own item as `not-cloneable` while the unit carries on.
import { describe, expect, it } from 'vitest';
import { broker, fixture, startUnit, testPrefix } from './helpers.js';

const prefix = testPrefix('values');

describe.skipIf(!broker)('values', () => {
  it('fails an item whose input cannot be cloned, and keeps the unit usable', async () => {
    const { unit } = await startUnit(fixture('returns-function.mjs'), { prefix });
    const outcome = await unit.run({ index: 4, input: { callback: () => 1 } });
    expect(outcome).toMatchObject({ ok: false, error: { kind: 'not-cloneable' } });
    if (!outcome.ok) expect(outcome.error.message).toContain('input of item 4');
    expect(await unit.run({ index: 5, input: 'fine' })).toMatchObject({ ok: true, value: 'fine' });
    await unit.close();
  });

  it('fails an item whose result cannot be cloned, and keeps the unit usable', async () => {
    const { unit } = await startUnit(fixture('returns-function.mjs'), { prefix });
    const outcome = await unit.run({ index: 0, input: 'function' });
    expect(outcome).toMatchObject({ ok: false, error: { kind: 'not-cloneable' } });
    if (!outcome.ok)
      expect(outcome.error.message).toContain("task's output cannot be sent back to the engine");
    expect(await unit.run({ index: 1, input: 'fine' })).toMatchObject({ ok: true, value: 'fine' });
    await unit.close();
  });

  it('carries structured-clone values whole: Map, Set, Date, BigInt, typed arrays, cycles', async () => {
    const { unit } = await startUnit(fixture('returns-function.mjs'), { prefix });
    const cyclic: Record<string, unknown> = { name: 'loop' };
    cyclic.self = cyclic;
    const input = {
      map: new Map([['a', 1]]),
      set: new Set([1, 2]),
      date: new Date(0),
      big: 2n ** 70n,
      bytes: new Float64Array([1.5, 2.5]),
      buffer: new Uint8Array([1, 2, 3]).buffer,
      undef: undefined,
      nan: Number.NaN,
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

  it('fails only the input that cannot travel when several are handed over at once', async () => {
    const { unit } = await startUnit(fixture('returns-function.mjs'), { prefix, inFlight: 3 });
    // Handed over in one turn of the loop: one batch, split only because one of them cannot travel.
    const outcomes = await Promise.all(
      ['a', Symbol('no'), 'c'].map((input, index) => unit.run({ index, input })),
    );
    expect(outcomes[0]).toMatchObject({ ok: true, value: 'a' });
    expect(outcomes[1]).toMatchObject({ ok: false, error: { kind: 'not-cloneable' } });
    expect(outcomes[2]).toMatchObject({ ok: true, value: 'c' });
    await unit.close();
  });

  it('fails only the result that cannot travel when several settle at once and go back together', async () => {
    const { unit } = await startUnit(fixture('returns-function.mjs'), { prefix, inFlight: 3 });
    const outcomes = await Promise.all(
      ['a', 'function', 'c'].map((input, index) => unit.run({ index, input })),
    );
    expect(outcomes[0]).toMatchObject({ ok: true, value: 'a' });
    expect(outcomes[1]).toMatchObject({ ok: false, error: { kind: 'not-cloneable' } });
    expect(outcomes[2]).toMatchObject({ ok: true, value: 'c' });
    await unit.close();
  });
});
