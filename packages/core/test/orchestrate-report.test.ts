import { expect, it } from 'vitest';
import { defineWorkload, type Strategy } from '../src/index.js';
import { compare, comparisonToReport, validateReport } from '../src/orchestrate/index.js';
import { fixtureTasks } from '../src/testkit/index.js';

const url = new URL('./fixtures/strategies/in-process.mjs', import.meta.url).href;
const strategy = ((await import(url)) as { default: Strategy }).default;

it('turns a comparison into a report that survives JSON and validates, with traits and advice', async () => {
  const workload = defineWorkload({
    name: 'waits',
    description: 'waits',
    kind: 'io',
    task: fixtureTasks.interval,
    params: {},
    inputs: () => Array.from({ length: 4 }, () => ({ ms: 200 })),
  });
  const strategies = [{ name: 'in-process', moduleUrl: url, strategy }];
  const comparison = await compare({ workload, params: {}, strategies, runs: 2, concurrency: [4] });
  const report = comparisonToReport(comparison, { strategies, runs: 2, warmup: 0 });
  const again = validateReport(JSON.parse(JSON.stringify(report)));
  expect(again.summary.map((s) => s.strategy)).toEqual(['baseline', 'in-process']);
  expect(again.traits.map((t) => t.name)).toEqual(['baseline', 'in-process']);
  const row = again.summary.find((s) => s.strategy === 'in-process');
  // Four 200 ms waits side by side against one after another: well above 2× the baseline, even on a busy machine.
  expect(row?.speedup?.value).toBeGreaterThan(2);
  // Which sentence leads depends on the CPU the machine gave this run; every one of them names the winner.
  expect(again.recommendation).toContain('in-process');
});

it('keeps a report valid when a run failed as a whole', async () => {
  const workload = defineWorkload({
    name: 'spins',
    description: 'spins',
    kind: 'cpu',
    task: new URL('./fixtures/tasks/spin.mjs', import.meta.url).href,
    params: {},
    inputs: () => [60_000],
  });
  const comparison = await compare({
    workload,
    params: {},
    strategies: [],
    runs: 1,
    timeoutMs: 100,
    stallMs: 800,
  });
  const report = comparisonToReport(comparison, { strategies: [], runs: 1, warmup: 0 });
  const again = validateReport(JSON.parse(JSON.stringify(report)));
  expect(again.runs[0]?.aborted).toMatch(/blocked/);
  expect(again.summary[0]?.failures).toBe(1);
}, 20_000);
