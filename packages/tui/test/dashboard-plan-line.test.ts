// Before Enter, the setup screen says what the plan will take.
import { expect, it } from 'vitest';
import { planLine } from '../src/dashboard/plan-line.js';

const form = (over: Partial<Parameters<typeof planLine>[0]> = {}) => ({
  workload: 'c10k',
  params: { items: '10000', latencyMs: '100' },
  strategies: ['async', 'thread'],
  concurrency: '',
  runs: '3',
  ...over,
});

it('counts the runs and items, and the least the sequential baseline will wait', () => {
  expect(planLine(form())).toBe(
    'Plan: 9 runs of 10,000 items each (the baseline and 2 strategies, 3 runs each); the sequential baseline waits at least 16 min 40 s a run (concur run --baseline sample measures 300 items and scales them)',
  );
});

it('counts a sweep’s levels, and says nothing of waits a workload does not declare', () => {
  expect(planLine(form({ params: { items: '4', n: '1000000000' }, concurrency: '1,2,4', runs: '1' }))).toBe(
    'Plan: 7 runs of 4 items each (the baseline and 2 strategies at 3 levels, 1 run each)',
  );
});
