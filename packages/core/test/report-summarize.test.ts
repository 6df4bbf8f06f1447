import { describe, expect, it } from 'vitest';
import { summarize } from '../src/report/summarize.js';
import { makeRun, sampleInput } from './report-fixture-runs.js';

const find = (rows: ReturnType<typeof summarize>['summary'], strategy: string) => {
  const row = rows.find((r) => r.strategy === strategy);
  if (!row) throw new Error(`no summary row for ${strategy}`);
  return row;
};

describe('summarize', () => {
  const { summary, verdict } = summarize(sampleInput().runs, 10, 2);

  it('puts the baseline first and leaves warmups out', () => {
    expect(summary.map((row) => `${row.strategy}@${row.concurrency}`)).toEqual([
      'baseline@1',
      'thread@2',
      'async@2',
    ]);
    // Without the 4000 ms warmup: runs 495 and 505.
    expect(find(summary, 'thread').wall).toMatchObject({ median: 500, mean: 500, min: 495, max: 505, n: 2 });
  });

  it('computes speedup with its propagated uncertainty, and efficiency over min(concurrency, items, cpus)', () => {
    const thread = find(summary, 'thread');
    // baseline 1000 ± 14.142, thread 500 ± 7.071: 2 · √(0.014142² + 0.014142²) = 0.04
    expect(thread.speedup?.value).toBeCloseTo(2, 10);
    expect(thread.speedup?.uncertainty).toBeCloseTo(0.04, 6);
    expect(thread.idealSpeedup).toBe(2);
    expect(thread.efficiency).toBeCloseTo(1, 10);
    expect(find(summary, 'baseline').speedup).toEqual({ value: 1, uncertainty: 0 });
  });

  it('computes throughput, CPU utilisation, latency percentiles and failures', () => {
    const thread = find(summary, 'thread');
    // Run 1: 10 items / 0.495 s = 20.2020; run 2: 9 / 0.505 = 17.8218; median = 19.0119
    expect(thread.throughput).toBeCloseTo((10 / 0.495 + 9 / 0.505) / 2, 6);
    expect(thread.cpuUtilisation).toBeCloseTo(2, 10);
    // Pooled: 1…10 and 1…10 without 4 (NaN) → 19 values 1,1,2,2,3,3,4,5,5,6,…; p50 is the 10th = 6.
    expect(thread.latencyMs.p50).toBe(6);
    expect(thread.latencyMs.p99).toBeCloseTo(10, 10);
    // Service times of the items done: run 2's failed item 4 (1 ms) left out, so 9 ones and 10 twos.
    expect(thread.serviceP50Ms).toBe(2);
    expect(thread.failures).toBe(1);
    expect(thread.wall.ci95?.[0]).toBeCloseTo(500 - (12.706 * 7.0710678) / Math.SQRT2, 4);
  });

  it('gives a verdict naming the significantly faster strategy', () => {
    expect(verdict).toHaveLength(1);
    // async 1010 ± 14.142 / thread 500 ± 7.071 = 2.02 ± 2.02·√(0.014002² + 0.014142²) = 0.0402
    expect(verdict[0]).toMatchObject({ concurrency: 2, winner: 'thread', loser: 'async', significant: true });
    expect(verdict[0]?.text).toBe('thread ran 2.02 ± 0.04 times faster than async');
  });

  it('flags an outlier run by its number', () => {
    const runs = [100, 101, 99, 100, 300].map((wall, i) => makeRun('thread', i + 1, wall));
    expect(summarize(runs, 10, 2).summary[0]?.outlierRuns).toEqual([5]);
  });

  it('names no winner when several noisy runs overlap', () => {
    const runs = [100, 120, 90, 110].flatMap((wall, i) => [
      makeRun('thread', i + 1, wall),
      makeRun('async', i + 1, [105, 95, 115, 100][i] as number),
    ]);
    const [line] = summarize(runs, 10, 2).verdict;
    // thread mean 105 ± 12.91, async 103.75 ± 8.54: 1.01 ± 0.15
    expect(line).toMatchObject({ winner: 'async', loser: 'thread', significant: false });
    expect(line?.text).toBe('async and thread are within the noise of each other (1.01 ± 0.15 times)');
  });

  it('refuses a winner with one run each when the difference is under 10%', () => {
    const runs = [makeRun('thread', 1, 100), makeRun('async', 1, 105)];
    const [line] = summarize(runs, 10, 2).verdict;
    expect(line?.significant).toBe(false);
    expect(line?.uncertainty).toBeNull();
    expect(line?.text).toContain('(1 run each; noise unknown: use --runs 2 or more)');
  });

  it('compares a lone strategy with the baseline, and reports no speedup without one', () => {
    const lone = summarize(
      [1, 2].flatMap((run) => [makeRun('baseline', run, 1000 + run), makeRun('thread', run, 400 + run)]),
      10,
      2,
    );
    expect(lone.verdict[0]).toMatchObject({ winner: 'thread', loser: 'baseline', significant: true });
    const noBaseline = summarize([makeRun('thread', 1, 400)], 10, 2);
    expect(noBaseline.summary[0]).toMatchObject({ speedup: null, efficiency: null });
    expect(noBaseline.verdict).toEqual([]);
  });

  it('summarises cancelled runs only when nothing finished, and marks them partial', () => {
    const runs = [makeRun('thread', 1, 100), makeRun('thread', 2, 20, { cancelled: true })];
    expect(summarize(runs, 10, 2).summary[0]).toMatchObject({ partial: false, wall: { n: 1, median: 100 } });
    const onlyCancelled = summarize([makeRun('thread', 1, 20, { cancelled: true })], 10, 2);
    expect(onlyCancelled.summary[0]).toMatchObject({ partial: true, wall: { n: 1, sd: null, ci95: null } });
  });

  it('gives a row cut short no speedup and keeps it out of the verdict: its wall says when it was stopped', () => {
    const runs = [1, 2].flatMap((run) => [makeRun('baseline', run, 1000), makeRun('process', run, 600)]);
    runs.push(makeRun('thread', 1, 150, { cancelled: true }));
    const { summary, verdict } = summarize(runs, 4, 2);
    expect(summary.find((s) => s.strategy === 'thread')).toMatchObject({
      partial: true,
      speedup: null,
      efficiency: null,
    });
    expect(summary.find((s) => s.strategy === 'process')?.speedup?.value).toBeCloseTo(1000 / 600);
    expect(verdict.map((v) => [v.winner, v.loser])).toEqual([['process', 'baseline']]);
  });

  it('takes no speedup over a baseline that was cut short', () => {
    const runs = [makeRun('baseline', 1, 200, { cancelled: true }), makeRun('thread', 1, 500)];
    expect(summarize(runs, 4, 2).summary.find((s) => s.strategy === 'thread')?.speedup).toBeNull();
  });

  it('compares at each concurrency of a sweep separately', () => {
    const runs = [1, 2].flatMap((run) => [
      makeRun('thread', run, 500 + run, { concurrency: 2 }),
      makeRun('async', run, 1000 + run, { concurrency: 2 }),
      makeRun('thread', run, 300 + run, { concurrency: 4 }),
      makeRun('async', run, 900 + run, { concurrency: 4 }),
    ]);
    const { verdict: lines } = summarize(runs, 10, 4);
    expect(lines.map((l) => [l.concurrency, l.winner, l.loser])).toEqual([
      [2, 'thread', 'async'],
      [4, 'thread', 'async'],
    ]);
    expect(lines[1]?.text).toMatch(/at concurrency 4$/);
  });

  it('races strategies that each ran at their own default concurrency against each other', () => {
    // No sweep: thread at one unit per core, async at one slot per item, as `concur run` picks by default.
    const runs = [1, 2].flatMap((run) => [
      makeRun('baseline', run, 1000 + run),
      makeRun('thread', run, 500 + run, { concurrency: 2 }),
      makeRun('async', run, 100 + run, { concurrency: 10 }),
    ]);
    const { verdict: lines } = summarize(runs, 10, 2);
    expect(lines.map((l) => [l.winner, l.loser, l.concurrency])).toEqual([['async', 'thread', 10]]);
    expect(lines[0]?.text).not.toMatch(/at concurrency/);
  });

  it('names no winner from a single run however large the ratio: the noise is unknown', () => {
    const [line] = summarize([makeRun('thread', 1, 100), makeRun('async', 1, 316)], 10, 2).verdict;
    expect(line).toMatchObject({ winner: 'thread', loser: 'async', significant: false });
    expect(line?.text).toBe(
      'no winner named between thread and async: 3.16 times in a single run (1 run each; noise unknown: use --runs 2 or more)',
    );
  });

  it('gives a strategy whose items mostly failed no speedup and keeps it out of the verdict', () => {
    const failedRun = (strategy: string, run: number, wallMs: number) =>
      makeRun(strategy, run, wallMs, {
        items: { total: 10, done: 0, failed: 10 },
        failures: Array.from({ length: 10 }, (_, index) => ({
          index,
          kind: 'threw' as const,
          message: 'connect ECONNREFUSED 127.0.0.1:1',
          unit: 0,
        })),
      });
    const runs = [1, 2].flatMap((run) => [
      makeRun('baseline', run, 1000 + run),
      failedRun('async', run, 50 + run),
      makeRun('thread', run, 600 + run),
    ]);
    const { summary, verdict } = summarize(runs, 10, 2);
    const async = find(summary, 'async');
    expect(async).toMatchObject({ failedShare: 1, speedup: null, efficiency: null, failures: 20 });
    // No item was done, so there is no latency to tell: a failed item's says how fast it failed.
    expect(async.latencyMs).toEqual({ p50: null, p95: null, p99: null });
    expect(async.serviceP50Ms).toBeNull();
    expect(find(summary, 'thread').speedup?.value).toBeCloseTo(1001.5 / 601.5);
    // thread is the only strategy left, so it meets the baseline; async is in no line.
    expect(verdict.map((v) => [v.winner, v.loser])).toEqual([['thread', 'baseline']]);
  });

  it('takes no speedup over a baseline whose items mostly failed, nor gives it 1.00 ± 0.00', () => {
    const failedBaseline = makeRun('baseline', 1, 70, {
      items: { total: 10, done: 2, failed: 8 },
      failures: Array.from({ length: 8 }, (_, index) => ({
        index,
        kind: 'threw' as const,
        message: 'x',
        unit: 0,
      })),
    });
    const { summary } = summarize([failedBaseline, makeRun('thread', 1, 50)], 10, 2);
    expect(find(summary, 'baseline')).toMatchObject({ speedup: null, efficiency: null, failedShare: 0.8 });
    expect(find(summary, 'thread')).toMatchObject({ speedup: null, efficiency: null });
  });

  it('gives an aborted or cancelled baseline no 1.00 ± 0.00 of its own', () => {
    const aborted = makeRun('baseline', 1, 30, { aborted: 'setup threw' });
    const { summary } = summarize([aborted, makeRun('thread', 1, 50)], 10, 2);
    expect(find(summary, 'baseline')).toMatchObject({ partial: true, speedup: null, efficiency: null });
  });

  it('keeps a speedup where a few items failed, counting them in the share', () => {
    const someFailed = makeRun('thread', 1, 500, {
      items: { total: 10, done: 9, failed: 1 },
      failures: [{ index: 0, kind: 'threw', message: 'x', unit: 0 }],
    });
    const { summary } = summarize([makeRun('baseline', 1, 1000), someFailed], 10, 2);
    expect(find(summary, 'thread')).toMatchObject({ failedShare: 0.1, speedup: { value: 2 } });
  });
});
