// What a unit prints is handed to spec.output, bounded so that a flood cannot exhaust the engine's memory.
import { expect, it } from 'vitest';
import { fixture, startUnit } from './load-strategy.js';

it('forwards at most maxOutputBytes of a flood, says the rest was dropped, and finishes the item', async () => {
  const limit = 16 * 1024;
  const { unit, spec } = await startUnit(fixture('floods.mjs'), { maxOutputBytes: limit });
  expect(await unit.run({ index: 0, input: 2048 })).toMatchObject({ ok: true, value: 2048 });
  await unit.close();
  const stdout = spec.printed.filter((p) => p.stream === 'stdout').map((p) => p.text);
  expect(Buffer.byteLength(stdout.join(''))).toBeLessThanOrEqual(limit);
  expect(stdout.join('').length).toBeGreaterThan(0);
  const notes = spec.printed.filter((p) => p.stream === 'stderr' && p.text.includes('output is dropped'));
  expect(notes).toHaveLength(1);
});
