import { describe, expect, it } from 'vitest';
import { runStrategy } from '../src/orchestrate/index.js';
import { fixtureTasks, inline, maxOverlap } from './fixtures/engine.js';

type Span = { start: number; end: number };

describe('dispatch', () => {
  it('delivers every item once, in its own slot of the result', async () => {
    const inputs = Array.from({ length: 50 }, (_, i) => ({ i }));
    const result = await runStrategy({
      strategy: inline,
      task: fixtureTasks.echo,
      inputs,
      concurrency: 3,
      keepValues: true,
    });
    expect(result.items).toEqual({ total: 50, done: 50, failed: 0 });
    expect(result.values).toEqual(inputs);
    expect(result.latencyMs.every((ms) => ms >= 0)).toBe(true);
    expect(result.units).toHaveLength(3);
    expect(result.units.reduce((sum, u) => sum + u.items, 0)).toBe(50);
  });

  it('keeps exactly `concurrency` items in flight with one item per unit', async () => {
    const inputs = Array.from({ length: 9 }, () => ({ ms: 60 }));
    const result = await runStrategy({
      strategy: inline,
      task: fixtureTasks.interval,
      inputs,
      concurrency: 3,
      keepValues: true,
    });
    expect(maxOverlap(result.values as Span[])).toBe(3);
  });

  it('lets a unit take several items at once when its strategy says so', async () => {
    const inputs = Array.from({ length: 8 }, () => ({ ms: 60 }));
    const result = await runStrategy({
      strategy: inline,
      task: fixtureTasks.interval,
      inputs,
      concurrency: 2,
      options: { inFlight: 2 },
      keepValues: true,
    });
    expect(maxOverlap(result.values as Span[])).toBe(4);
    expect(result.units).toHaveLength(2);
  });

  it('hands the next item to whichever unit frees up first', async () => {
    // One slow item must not hold back the others: the fast unit takes everything else.
    const inputs = [{ ms: 300 }, ...Array.from({ length: 6 }, () => ({ ms: 10 }))];
    const result = await runStrategy({
      strategy: inline,
      task: fixtureTasks.interval,
      inputs,
      concurrency: 2,
    });
    const counts = result.units.map((u) => u.items).sort((a, b) => a - b);
    expect(counts).toEqual([1, 6]);
  });

  it('finishes at once with no items', async () => {
    const result = await runStrategy({
      strategy: inline,
      task: fixtureTasks.echo,
      inputs: [],
      concurrency: 2,
    });
    expect(result.items).toEqual({ total: 0, done: 0, failed: 0 });
  });
});
