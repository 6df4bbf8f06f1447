import { expect, it } from 'vitest';
import { runStrategy } from '../src/orchestrate/index.js';
import { fixtureTasks, inline } from './fixtures/engine.js';

it('stops every unit when the signal aborts and keeps what was measured', async () => {
  const controller = new AbortController();
  const inputs = Array.from({ length: 6 }, () => ({ ms: 5_000 }));
  setTimeout(() => controller.abort(), 100);
  const started = Date.now();
  const result = await runStrategy({
    strategy: inline,
    task: fixtureTasks.interval,
    inputs,
    concurrency: 2,
    signal: controller.signal,
  });
  expect(Date.now() - started).toBeLessThan(4_000);
  expect(result.cancelled).toBe(true);
  expect(result.failures.map((f) => f.kind)).toEqual(['cancelled', 'cancelled']);
  expect(result.items.done).toBe(0);
  expect(result.units.every((u) => u.end.startsWith('killed: run cancelled'))).toBe(true);
});

it('does not start a run whose signal is already aborted', async () => {
  const result = await runStrategy({
    strategy: inline,
    task: fixtureTasks.echo,
    inputs: [1, 2],
    concurrency: 1,
    signal: AbortSignal.abort(),
  });
  expect(result.cancelled).toBe(true);
  expect(result.items.done).toBe(0);
});
