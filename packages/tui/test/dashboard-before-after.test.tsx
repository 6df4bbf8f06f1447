// The results screen of `concur run --against`: the saved medians beside this run's as bars on one scale,
// a line per row with its ratio and σ, the rows not compared, and the note on what the interval leaves out.
import type { Report } from '@concur/core';
import { diffReports } from '@concur/core/orchestrate';
import { cleanup, render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { ResultsScreen } from '../src/dashboard/ResultsScreen.js';
import { formToRequest, initialForm } from '../src/dashboard/setup-form.js';
import { catalog, plain, record, report } from './fixtures/dashboard/samples.js';

afterEach(cleanup);

const runs = (strategy: string, concurrency: number, walls: number[]) =>
  walls.map((wallMs, index) => record({ strategy, concurrency, run: index + 1, wallMs }));

// thread: 1000 ± 20 → 500 ± 10 ms, twice as fast (σ = 2 · √(0.02² + 0.02²) = 0.057);
// process: the same three runs on each side; async ran only now.
const saved = report({
  runs: [...runs('thread', 2, [1000, 1020, 980]), ...runs('process', 2, [1100, 1110, 1090])],
});
const now = report({
  createdAt: '2025-03-01T13:00:00.000Z',
  workload: { ...saved.workload, params: { items: 4, n: 2000 } },
  runs: [
    ...runs('thread', 2, [500, 510, 490]),
    ...runs('process', 2, [1100, 1110, 1090]),
    ...runs('async', 4, [900]),
  ],
});
const withDiff: Report = {
  ...now,
  against: diffReports(saved, now, { before: 'a.json', after: 'this run' }),
};

const frameOf = (r: Report) =>
  plain(render(<ResultsScreen report={r} columns={110} rows={200} showKeys={false} />).lastFrame());

const lineWith = (frame: string, ...parts: string[]) =>
  frame.split('\n').find((line) => parts.every((p) => line.includes(p))) ?? '';

/** The filled columns of the before bar and of the after bar on a row's line (eighths count as one). */
function barLengths(line: string): [number, number] {
  const bars = line.match(/[█▏▎▍▌▋▊▉]+░*/g) ?? [];
  const filled = (bar: string | undefined) => (bar ?? '').replace(/░/g, '').length;
  return [filled(bars[0]), filled(bars[1])];
}

describe('the results screen with --against', () => {
  const frame = frameOf(withDiff);

  it('heads the section with both names and shows what differs first', () => {
    expect(frame).toContain('Before and after: a.json → this run');
    expect(frame).toContain('⚠ params differ (a.json → this run): n 1000 → 2000');
    expect(frame.indexOf('Before and after')).toBeGreaterThan(frame.indexOf('Verdict'));
  });

  it('draws the before and after medians side by side on one scale', () => {
    const thread = lineWith(frame, 'thread ×2', '1.00 s', '500 ms');
    const [was, is] = barLengths(thread);
    expect(was).toBeGreaterThan(0);
    // Half the wall time, half the bar (to a column).
    expect(Math.abs(is - was / 2)).toBeLessThanOrEqual(1);
    const [processWas, processIs] = barLengths(lineWith(frame, 'process ×2', '1.10 s'));
    expect(processIs).toBe(processWas);
    expect(processWas).toBeGreaterThan(was);
  });

  it('states a line per row with its ratio and σ, marking what changed and what is within the noise', () => {
    expect(frame).toContain('▲ thread ×2: 1.00 s → 500 ms, 2.00 ± 0.06 times faster (significant)');
    expect(frame).toContain('≈ process ×2: 1.10 s → 1.10 s, within the noise (1.00 ± 0.01 times as fast)');
  });

  it('names the row it could not compare, sums up, and says what the interval leaves out', () => {
    expect(frame).toContain('✗ async ×4: only in this run');
    expect(frame).toContain('1 row faster, 1 within the noise; 1 row not compared');
    expect(frame).toMatch(/not interleaved/);
  });

  it('is not there without --against', () => {
    expect(frameOf(now)).not.toContain('Before and after');
  });
});

describe('concur run --against in a terminal', () => {
  it('carries the saved report from the flags through the setup form into the request it runs', () => {
    const against = { label: 'a.json', report: saved };
    const initial = { against };
    const result = formToRequest(initialForm(catalog(), initial), catalog(), initial);
    expect('request' in result && result.request.against).toBe(against);
    const without = formToRequest(initialForm(catalog()), catalog());
    expect('request' in without && without.request).not.toHaveProperty('against');
  });
});
