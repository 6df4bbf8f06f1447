import { expect, it } from 'vitest';
import { runStrategy } from '../src/orchestrate/index.js';
import { fixtureTasks, inline } from './fixtures/engine.js';

it('fails the item of a unit that dies, starts a replacement, and finishes the rest', async () => {
  const inputs = [{ ms: 50 }, 'die', { ms: 50 }, { ms: 50 }, { ms: 50 }, { ms: 50 }];
  const result = await runStrategy({
    strategy: inline,
    task: fixtureTasks.interval,
    inputs,
    concurrency: 2,
    options: { dieOn: 'die' },
    keepValues: true,
  });
  expect(result.failures).toEqual([
    { index: 1, kind: 'unit-exited', message: 'unit exited with code 7', unit: expect.any(Number) },
  ]);
  expect(result.items).toEqual({ total: 6, done: 5, failed: 1 });
  expect(result.replacements).toBe(1);
  expect(result.units).toHaveLength(3);
  expect(result.units.filter((u) => u.end === 'unit exited with code 7')).toHaveLength(1);
});

it('gives up with a reason when units cannot start', async () => {
  const broken = { ...inline, spawn: () => Promise.reject(new Error('no such binary')) };
  const result = await runStrategy({
    strategy: broken,
    task: fixtureTasks.echo,
    inputs: [1, 2, 3],
    concurrency: 2,
  });
  expect(result.items).toEqual({ total: 3, done: 0, failed: 3 });
  expect(result.aborted).toContain('no such binary');
  expect(result.failures.every((f) => f.kind === 'spawn-failed')).toBe(true);
});

it('gives up on units that never become ready, naming why', async () => {
  const setupHangs = new URL('./fixtures/tasks/setup-hangs.mjs', import.meta.url).href;
  const result = await runStrategy({
    strategy: inline,
    task: setupHangs,
    inputs: [1, 2],
    concurrency: 1,
    readyTimeoutMs: 100,
  });
  expect(result.items).toEqual({ total: 2, done: 0, failed: 2 });
  expect(result.aborted).toMatch(/did not become ready within 100 ms/);
});
