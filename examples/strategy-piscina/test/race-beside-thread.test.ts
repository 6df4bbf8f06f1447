import { runStrategy } from '@concur/core/orchestrate';
import thread from '@concur/strategy-thread';
import { expect, it } from 'vitest';
import piscina from '../src/index.js';

const task = new URL('./fixtures/sum-of-squares.mjs', import.meta.url).href;
const inputs = Array.from({ length: 24 }, (_, i) => ({ n: 2_000 + i * 100 }));
const expected = inputs.map(({ n }) => {
  let sum = 0;
  for (let i = 0; i < n; i += 1) sum += i * i;
  return sum;
});

// The same workload through the same engine, once per strategy: what the dashboard does when it races
// them. Which one is faster is the benchmark's business; here both must deliver every item, right.
it.each([
  ['piscina', piscina],
  ['thread', thread],
])('%s runs the whole workload through the engine with the right results', async (name, strategy) => {
  const result = await runStrategy({ strategy, task, inputs, concurrency: 2, keepValues: true });
  expect(result.strategy).toBe(name);
  expect(result.items).toEqual({ total: inputs.length, done: inputs.length, failed: 0 });
  expect(result.values).toEqual(expected);
  expect(result.replacements).toBe(0);
  expect(result.units.map((u) => u.end)).toEqual(['closed', 'closed']);
  expect(result.units.reduce((sum, u) => sum + u.items, 0)).toBe(inputs.length);
});
