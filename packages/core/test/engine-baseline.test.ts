import { expect, it } from 'vitest';
import { runBaseline } from '../src/orchestrate/index.js';
import { fixtureTasks, maxOverlap } from './fixtures/engine.js';

it('runs items one at a time in this process and returns their values', async () => {
  const inputs = Array.from({ length: 4 }, () => ({ ms: 30 }));
  const result = await runBaseline({ task: fixtureTasks.interval, inputs, keepValues: true });
  expect(result.strategy).toBe('baseline');
  expect(result.concurrency).toBe(1);
  expect(result.items.done).toBe(4);
  expect(maxOverlap(result.values as { start: number; end: number }[])).toBe(1);
  expect(result.units[0]?.id).toBe(`pid ${process.pid}`);
});

it('counts this process’s CPU time and memory', async () => {
  const result = await runBaseline({ task: fixtureTasks.echo, inputs: [1, 2, 3] });
  expect(result.cpu.userMs + result.cpu.systemMs).toBeGreaterThan(0);
  expect(result.peakRssBytes).toBeGreaterThan(10 * 1024 * 1024);
});
