import { expect, it } from 'vitest';
import { spawnUnit } from './helpers.js';

it('an output that cannot be cloned fails its item as not-cloneable and the unit carries on', async () => {
  const { unit } = await spawnUnit('clone-cases.mjs');
  const outcome = await unit.run({ index: 0, input: 'function' });
  expect(outcome).toMatchObject({ ok: false, error: { kind: 'not-cloneable' } });
  if (!outcome.ok)
    expect(outcome.error.message).toMatch(
      /output cannot be sent back to the main thread.*could not be cloned/,
    );
  expect(await unit.run({ index: 1, input: 'fine' })).toMatchObject({ ok: true, value: 'fine' });
  await unit.close();
});

it('an input that cannot be cloned fails its item as not-cloneable, naming the item', async () => {
  const { unit } = await spawnUnit('clone-cases.mjs');
  const outcome = await unit.run({ index: 12, input: { callback: () => 1 } });
  expect(outcome).toMatchObject({ ok: false, error: { kind: 'not-cloneable' } });
  if (!outcome.ok) expect(outcome.error.message).toContain('input of item 12');
  expect(await unit.run({ index: 13, input: 'fine' })).toMatchObject({ ok: true, value: 'fine' });
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
