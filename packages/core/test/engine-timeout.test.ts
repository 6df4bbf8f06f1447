import { expect, it } from 'vitest';
import { runStrategy } from '../src/orchestrate/index.js';
import { hangOn, inline } from './fixtures/engine.js';

it('fails an item that outlives its timeout, kills and replaces its unit, and finishes the run', async () => {
  const inputs = [{ ms: 50 }, { hang: true }, { ms: 100 }, { ms: 100 }, { ms: 100 }];
  const result = await runStrategy({
    strategy: inline,
    task: hangOn,
    inputs,
    concurrency: 2,
    timeoutMs: 150,
    keepValues: true,
  });
  expect(result.items).toEqual({ total: 5, done: 4, failed: 1 });
  expect(result.failures).toEqual([
    expect.objectContaining({
      index: 1,
      kind: 'timeout',
      message: expect.stringContaining('timed out after 150 ms'),
    }),
  ]);
  expect(result.replacements).toBe(1);
  expect(result.units.map((u) => u.end)).toContain('killed: item 1 timed out');
  expect(result.values?.filter((v) => v !== undefined)).toEqual([50, 100, 100, 100]);
});

it('runs again the items that shared a unit with a timed-out one', async () => {
  // Item 2 starts at 50 ms on the unit stuck with item 0, so it is in flight when item 0 times out at 150 ms.
  const inputs = [{ hang: true }, { ms: 50 }, { ms: 120 }, 'c'];
  const result = await runStrategy({
    strategy: inline,
    task: hangOn,
    inputs,
    concurrency: 1,
    options: { inFlight: 2 },
    timeoutMs: 150,
    keepValues: true,
  });
  expect(result.failures.map((f) => [f.index, f.kind])).toEqual([[0, 'timeout']]);
  expect(result.items.done).toBe(3);
});

it('says no unit was replaced when the last item timed out and no work was left for one', async () => {
  const result = await runStrategy({
    strategy: inline,
    task: hangOn,
    inputs: [{ hang: true }],
    concurrency: 1,
    timeoutMs: 150,
  });
  expect(result.replacements).toBe(0);
  expect(result.failures.map((f) => f.message)).toEqual(['timed out after 150 ms; its unit was killed']);
});
