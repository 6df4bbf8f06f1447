import type { ScalingFit } from '@concur/core';
import { cleanup, render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { painter } from '../src/cli/colour.js';
import { ResultsScreen } from '../src/dashboard/ResultsScreen.js';
import { comparisonText } from '../src/plain/table.js';
import { plain, report, summaryRow } from './fixtures/dashboard/samples.js';

afterEach(cleanup);

const fit: ScalingFit = {
  strategy: 'thread',
  reference: 'concurrency 1',
  fraction: 0.93,
  ci95: [0.9, 0.96],
  fittedLevels: [2],
  points: [
    { concurrency: 1, cores: 1, measured: 1, fitted: 1 },
    { concurrency: 2, cores: 2, measured: 1.87, fitted: 1.87 },
    { concurrency: 4, cores: 2, measured: 1.42, fitted: 1.87 },
  ],
  predictions: [
    { cores: 4, speedup: 3.31 },
    { cores: 16, speedup: 5.32 },
  ],
  departures: ['×4: 1.42× measured, 1.87× fitted: contention, 4 units on 2 cores'],
};

function sweepReport() {
  const levels = [1, 2, 4];
  const summary = [
    summaryRow('baseline', { concurrency: 1, speedup: null }),
    ...levels.map((c) =>
      summaryRow('thread', { concurrency: c, speedup: { value: Math.min(c, 2), uncertainty: 0.05 } }),
    ),
  ];
  return report({ summary, settings: { ...report().settings, concurrency: levels }, scaling: [fit] });
}

describe('a sweep’s scaling, shown', () => {
  it('in the plain report: the fraction with its interval, predictions labelled so, and where it leaves the fit', () => {
    const text = comparisonText(sweepReport(), painter(false));
    expect(text).toContain(
      "Amdahl's law fitted on ×2 (levels up to this machine's 2 cores); speedups over each strategy's own ×1 run",
    );
    expect(text).toMatch(
      /^ {2}thread {2}parallel fraction 0\.93 \(95% CI 0\.90–0\.96\); predicted, not measured: 3\.31× on 4 cores, 5\.32× on 16 cores$/m,
    );
    expect(text).toMatch(/^ +×4: 1\.42× measured, 1\.87× fitted: contention, 4 units on 2 cores$/m);
    expect(comparisonText(report(), painter(false))).not.toContain('Amdahl');
  });

  it('on the results screen under the sweep chart', () => {
    const frame = plain(
      render(<ResultsScreen report={sweepReport()} columns={160} rows={200} showKeys={false} />).lastFrame(),
    );
    expect(frame).toContain("Amdahl's law fitted on ×2");
    expect(frame).toContain(
      'thread  parallel fraction 0.93 (95% CI 0.90–0.96); predicted, not measured: 3.31× on 4 cores',
    );
    expect(frame).toContain('×4: 1.42× measured, 1.87× fitted: contention');
  });
});
