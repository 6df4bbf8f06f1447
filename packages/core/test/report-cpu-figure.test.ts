// The CPU figure a report shows: the task threads' own where a run measured them, never more than the cores
// those threads could use, and the recommendation's "cores busy" read from it.
import { describe, expect, it } from 'vitest';
import { COMPARISON_COLUMNS } from '../src/report/comparison-columns.js';
import { cpuCeilingWarning } from '../src/report/cpu-figure.js';
import { recommend } from '../src/report/recommend.js';
import { summarize } from '../src/report/summarize.js';
import { makeRun } from './report-fixture-runs.js';

const cpuCell = COMPARISON_COLUMNS.find((column) => column.id === 'cpu');
const shared = [
  { slot: 0, id: 'slot 0', items: 10, failures: 0, end: 'closed', sample: { scope: 'shared' as const } },
];
const threads = [0, 1].map((slot) => ({
  slot,
  id: `thread ${slot}`,
  items: 5,
  failures: 0,
  end: 'closed',
  sample: { scope: 'thread' as const },
}));

describe('the CPU figure', () => {
  it("shows the task threads' CPU where the run measured it, not the whole process's", () => {
    // A one-threaded loop: the process counted 1.4 cores (V8's compiler and GC threads), its thread 0.97.
    const run = makeRun('async', 1, 1000, {
      cpuCores: 1.4,
      units: shared,
      taskCpu: { userMs: 900, systemMs: 70 },
    });
    const [row] = summarize([run], 10, 2).summary;
    expect(row).toMatchObject({ cpuUtilisation: 1.4, taskCpuUtilisation: 0.97, cpuCeiling: 1 });
    expect(row && cpuCell?.cell(row)).toBe('97%');
    expect(row && cpuCeilingWarning(row)).toBeUndefined();
  });

  it('never prints a figure above the cores its threads could use as a fact', () => {
    // A 50 ms run of one in-engine loop: the 10 ms ticks say 1.2 cores, which one thread cannot use.
    const short = makeRun('async', 1, 50, { units: shared, taskCpu: { userMs: 60, systemMs: 0 } });
    const [row] = summarize([short], 10, 2).summary;
    expect(row?.cpuCeiling).toBe(1);
    expect(row && cpuCell?.cell(row)).toBe('120%?');
    expect(row && cpuCeilingWarning(row)).toMatch(
      /^CPU of its task threads measured 120 %, more than the one core/,
    );
    // Without a per-thread figure the ceiling is the machine's cores.
    const blind = makeRun('thread', 1, 100, { cpuCores: 126, units: threads });
    const [whole] = summarize([blind], 10, 2).summary;
    expect(whole).toMatchObject({ taskCpuUtilisation: null, cpuCeiling: 2 });
    expect(whole && cpuCell?.cell(whole)).toBe('12600%?');
  });

  it('counts a unit with threads of its own on top of the engine thread, up to the machine', () => {
    const run = makeRun('thread', 1, 1000, { units: threads, taskCpu: { userMs: 1900, systemMs: 50 } });
    const [row] = summarize([run], 10, 4).summary;
    expect(row?.cpuCeiling).toBe(3);
    expect(row?.taskCpuUtilisation).toBeCloseTo(1.95);
  });

  it("reads the recommendation's cores busy from the task threads, capped at what they could use", () => {
    const runs = [1, 2, 3].flatMap((run) => [
      makeRun('baseline', run, 1000 + run, { units: shared, taskCpu: { userMs: 990, systemMs: 0 } }),
      makeRun('async', run, 900 + run, {
        cpuCores: 1.37,
        units: shared,
        taskCpu: { userMs: 890, systemMs: 0 },
      }),
      makeRun('thread', run, 1200 + run, { units: threads, taskCpu: { userMs: 2000, systemMs: 0 } }),
    ]);
    const { summary, verdict } = summarize(runs, 10, 2);
    const advice = recommend(summary, verdict);
    expect(advice).not.toContain('cores busy');
    expect(advice).toMatch(
      /^async won \(1\.11× the sequential baseline\); the work used about one core \(CPU 99 %\)/,
    );
  });
});
