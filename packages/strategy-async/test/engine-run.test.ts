// Through the engine itself, as a real run drives the strategy: a hung item times out, its slot is killed
// and abandoned (and that is reported), and the run finishes on the remaining slots and a replacement.
import { runStrategy } from '@concur/core/orchestrate';
import { expect, it } from 'vitest';
import strategy from '../src/index.js';
import { fixture } from './fixture-url.js';

it('finishes a run whose one item hangs: timeout, slot replaced, abandonment reported, the rest done', async () => {
  const numbers = Array.from({ length: 30 }, (_, i) => i);
  const inputs = [...numbers.slice(0, 5), 'hang', ...numbers.slice(5)];
  const result = await runStrategy({
    strategy,
    task: fixture('one-hangs.mjs'),
    inputs,
    concurrency: 3,
    timeoutMs: 300,
    keepValues: true,
    sampleEveryMs: 0,
  });

  expect(result.failures).toEqual([expect.objectContaining({ index: 5, kind: 'timeout' })]);
  expect(result.replacements).toBeGreaterThanOrEqual(1);
  const values = result.values ?? [];
  inputs.forEach((input, index) => {
    if (input !== 'hang') expect(values[index]).toBe((input as number) * 2);
  });
  expect(result.output.map((chunk) => chunk.text).join('')).toMatch(/ignored ctx\.signal/);
});
