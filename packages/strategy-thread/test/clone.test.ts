// That an uncloneable input or output fails alone and the unit carries on is a conformance check; here,
// what the failures say, and how buffers travel.
import { expect, it } from 'vitest';
import { spawnUnit } from './helpers.js';

it('names what could not be cloned: the output, or the input of which item', async () => {
  const { unit } = await spawnUnit('clone-cases.mjs');
  const output = await unit.run({ index: 0, input: 'function' });
  expect(output).toMatchObject({ ok: false, error: { kind: 'not-cloneable' } });
  if (!output.ok)
    expect(output.error.message).toMatch(
      /output cannot be sent back to the main thread.*could not be cloned/,
    );
  const input = await unit.run({ index: 12, input: { callback: () => 1 } });
  expect(input).toMatchObject({ ok: false, error: { kind: 'not-cloneable' } });
  if (!input.ok) expect(input.error.message).toContain('input of item 12');
  await unit.close();
});

it('an ArrayBuffer output is moved to the main thread, not copied', async () => {
  const { unit } = await spawnUnit('clone-cases.mjs');
  const outcome = await unit.run({ index: 0, input: 'buffer' });
  expect(outcome.ok).toBe(true);
  if (outcome.ok) expect([...new Uint8Array(outcome.value as ArrayBuffer)].every((b) => b === 7)).toBe(true);
  // Transferred buffers are detached on the sending side.
  expect(await unit.run({ index: 1, input: 'last-buffer-length' })).toMatchObject({ ok: true, value: 0 });
  await unit.close();
});
