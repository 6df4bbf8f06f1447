// A baseline measured on a sample of the items, scaled to the whole workload, with the interval the sample
// allows; said wherever it shows.
import { describe, expect, it } from 'vitest';
import { sampleIndexes, scaleSampledBaseline } from '../src/report/baseline-sample.js';
import { COMPARISON_COLUMNS } from '../src/report/comparison-columns.js';
import { rowNotes } from '../src/report/row-notes.js';
import { summarize } from '../src/report/summarize.js';
import { makeRun } from './report-fixture-runs.js';

/** A baseline run of 10 sampled items of `of`, each taking 10 ± 1 ms, after 5 ms of start-up. */
const sampledRun = (run: number, of: number) =>
  makeRun('baseline', run, 5 + 100, {
    sample: { items: 10, of },
    serviceMs: [9, 11, 9, 11, 9, 11, 9, 11, 9, 11],
  });

describe('a sampled baseline', () => {
  it('spreads the sample evenly over the items', () => {
    expect(sampleIndexes(10, 5)).toEqual([0, 2, 4, 6, 8]);
    expect(sampleIndexes(3, 5)).toEqual([0, 1, 2]);
  });

  it('scales the wall past its start-up to every item, with the 95 % interval of the mean item time', () => {
    const { runs, estimate } = scaleSampledBaseline([sampledRun(1, 1000)]);
    // 5 ms start-up + 100 ms × 1000 / 10.
    expect(runs[0]?.wallMs).toBeCloseTo(10_005);
    // sd of the ten times is 1.054; 1.96 · 1.054 / 10 / √10 · √(1 − 10/1000) = 0.0650.
    expect(estimate?.items).toBe(10);
    expect(estimate?.of).toBe(1000);
    expect(estimate?.relativeError).toBeCloseTo(0.065, 3);
    expect(runs[0]?.latencyMs.every(Number.isNaN)).toBe(true);
  });

  it('leaves a baseline of every item as it was', () => {
    const whole = makeRun('baseline', 1, 1000);
    expect(scaleSampledBaseline([whole])).toEqual({ runs: [whole] });
  });

  it('measures speedups against the estimate, and says so in the row and its notes', () => {
    const runs = [1, 2].flatMap((run) => [sampledRun(run, 1000), makeRun('async', run, 500 + run)]);
    const { summary, verdict } = summarize(runs, 1000, 2);
    const [baseline, async] = summary;
    expect(baseline?.estimate).toMatchObject({ items: 10, of: 1000 });
    expect(baseline?.wall.median).toBeCloseTo(10_005);
    expect(baseline?.latencyMs).toEqual({ p50: null, p95: null, p99: null });
    expect(async?.speedup?.value).toBeCloseTo(10_005 / 501.5, 5);
    // The sampling error is in the speedup's uncertainty, though both baseline runs were alike.
    // Pooled over both runs: 1.96 · 1.026 / 10 / √20 · √0.99 = 4.5 %, so about 0.45 of a speedup near 20.
    expect(async?.speedup?.uncertainty).toBeGreaterThan(0.4);
    expect(verdict[0]).toMatchObject({ winner: 'async', loser: 'baseline' });
    const strategyCell = COMPARISON_COLUMNS.find((column) => column.id === 'strategy');
    expect(baseline && strategyCell?.cell(baseline)).toBe('baseline (estimated)');
    expect(baseline && rowNotes(baseline)).toContain(
      'estimated from 10 of 1,000 items, ± 4.5 % (--baseline full measures every item)',
    );
  });
});
