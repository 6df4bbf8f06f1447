import { describe, expect, it } from 'vitest';
import { buildReport } from '../src/report/build.js';
import { validateReport } from '../src/report/read-report.js';
import { renderReport } from '../src/report/write.js';
import { amdahl } from '../src/stats/amdahl.js';
import { makeRun, sampleInput } from './report-fixture-runs.js';

/** A sweep 1, 2, 4, 8 on two cores: thread scales to the cores then suffers, async stays flat. */
function sweepInput() {
  const input = sampleInput();
  const at = (strategy: string, concurrency: number, walls: number[], extra = {}) =>
    walls.map((wall, i) => makeRun(strategy, i + 1, wall, { concurrency, ...extra }));
  return {
    ...input,
    settings: { ...input.settings, concurrency: [1, 2, 4, 8] },
    runs: [
      ...at('baseline', 1, [1000, 1000]),
      ...at('thread', 1, [1000, 1010]),
      ...at('thread', 2, [540, 560]),
      ...at('thread', 4, [700, 720]),
      ...at('thread', 8, [900, 920], { startupMs: 400 }),
      ...at('async', 1, [1000, 1000]),
      ...at('async', 2, [1000, 1010]),
      ...at('async', 4, [1000, 990]),
      ...at('async', 8, [1000, 1000]),
    ],
  };
}

describe('a sweep’s scaling', () => {
  it('fits the parallel fraction on the levels up to the cores, with its interval', () => {
    const report = buildReport(sweepInput());
    const thread = report.scaling?.find((s) => s.strategy === 'thread');
    expect(thread?.reference).toBe('concurrency 1');
    expect(thread?.fittedLevels).toEqual([2]);
    // ×1's median wall is 1005; the ×2 runs' speedups 1005/540 and 1005/560 straddle the fit.
    const exact = (s: number) => (1 - 1 / s) / 0.5;
    expect(thread?.fraction).toBeCloseTo((exact(1005 / 540) + exact(1005 / 560)) / 2, 2);
    const [lo, hi] = thread?.ci95 ?? [Number.NaN, Number.NaN];
    expect(lo).toBeLessThan(thread?.fraction ?? Number.NaN);
    expect(hi).toBeGreaterThan(thread?.fraction ?? Number.NaN);
    const asyncFit = report.scaling?.find((s) => s.strategy === 'async');
    expect(asyncFit?.fraction).toBeLessThan(0.05);
  });

  it('predicts the speedup at 2× and 8× the cores, and says where the curve leaves the fit and why', () => {
    const report = buildReport(sweepInput());
    const thread = report.scaling?.find((s) => s.strategy === 'thread');
    const f = thread?.fraction ?? Number.NaN;
    // Ten items: 16 cores are capped at the items' 10.
    expect(thread?.predictions).toEqual([
      { cores: 4, speedup: amdahl(f, 4) },
      { cores: 16, speedup: amdahl(f, 10) },
    ]);
    expect(thread?.departures).toEqual([
      expect.stringMatching(/^×4: 1\.42× measured, 1\.8\d× fitted: contention, 4 units on 2 cores$/),
      expect.stringMatching(
        /^×8: 1\.1\d× measured, 1\.8\d× fitted: start-up, 44% of the wall, grows with the units$/,
      ),
    ]);
    expect(report.scaling?.find((s) => s.strategy === 'async')?.departures).toEqual([]);
  });

  it('tells waiting that overlaps beyond the cores from a slow reference run', () => {
    const input = sweepInput();
    const faster = (cpuCores: number) =>
      input.runs.map((r) =>
        r.strategy === 'async' && r.concurrency === 4
          ? makeRun('async', r.run, 500, { concurrency: 4, cpuCores })
          : r,
      );
    const waits = buildReport({ ...input, runs: faster(0.1) }).scaling?.find((s) => s.strategy === 'async');
    expect(waits?.departures).toEqual([
      expect.stringMatching(
        /^×4: 2\.00× measured, 1\.0\d× fitted: its items mostly wait \(CPU 10% of a core\)/,
      ),
    ]);
    const computes = buildReport({ ...input, runs: faster(1) }).scaling?.find((s) => s.strategy === 'async');
    expect(computes?.departures).toEqual([
      expect.stringMatching(
        /^×4: 2\.00× measured, .+: above the fit; noise in its ×1 reference \(run more: --runs 5\)/,
      ),
    ]);
  });

  it('is a section of the Markdown report, predictions labelled as such', () => {
    const text = renderReport(buildReport(sweepInput()), 'markdown');
    expect(text).toContain("## Scaling\n\nAmdahl's law fitted on ×2 (levels up to this machine's 2 cores)");
    expect(text).toMatch(
      /^- \*\*thread\*\*: parallel fraction 0\.\d\d \(95% CI .+\); predicted, not measured: .+× on 4 cores, .+× on 16 cores$/m,
    );
    expect(text).toMatch(/^ {2}- ×4: .+: contention, 4 units on 2 cores$/m);
  });

  it('is absent without a sweep, and survives the JSON round trip', () => {
    expect(buildReport(sampleInput())).not.toHaveProperty('scaling');
    const report = buildReport(sweepInput());
    expect(validateReport(JSON.parse(JSON.stringify(report)))).toStrictEqual(report);
    const broken = JSON.parse(JSON.stringify(report));
    broken.scaling[0].reference = 'elsewhere';
    expect(() => validateReport(broken)).toThrow(
      'report.scaling[0].reference must be one of "concurrency 1", "baseline"',
    );
  });
});
