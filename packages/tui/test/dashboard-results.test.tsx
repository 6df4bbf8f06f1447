import { cleanup, render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { ResultsScreen } from '../src/dashboard/ResultsScreen.js';
import { sweepPoints } from '../src/dashboard/SweepChart.js';
import { plain, report, summaryRow, tick } from './fixtures/dashboard/samples.js';

afterEach(cleanup);

const frameOf = (r = report(), showKeys = true) =>
  plain(render(<ResultsScreen report={r} columns={100} rows={200} showKeys={showKeys} />).lastFrame());

const lineWith = (frame: string, ...parts: string[]) =>
  frame.split('\n').find((line) => parts.every((p) => line.includes(p))) ?? '';

describe('the results screen', () => {
  it('tabulates wall median ± σ, speedup, efficiency, CPU, memory, p95 latency and failures', () => {
    const frame = frameOf();
    expect(
      lineWith(frame, 'strategy', 'wall median ± σ', 'speedup', 'efficiency', 'CPU', 'peak mem', 'p95'),
    ).not.toBe('');
    const thread = lineWith(frame, 'thread', '1.02 s ± 20.0 ms');
    // The speedup reads as in the report and the plain table, then the efficiency beside it.
    expect(thread).toMatch(/ 1\.96 ± 0\.04 +98% +187% /);
    expect(thread).toContain('98%');
    expect(thread).toContain('187%');
    expect(thread).toContain('90.0 MiB');
    expect(thread).toContain('1.01 s');
    expect(thread).toMatch(/^★ thread/);
    expect(lineWith(frame, 'async', '2.00 s ± 15.0 ms')).toMatch(/2$/);
    expect(lineWith(frame, 'process', '1.10 s')).not.toContain('★');
  });

  it('stars no row whose every run was cut short, however short its wall', () => {
    const base = report();
    const summary = base.summary.map((row) =>
      row.strategy === 'thread'
        ? { ...row, partial: true, wall: { ...row.wall, median: 300 }, speedup: null, efficiency: null }
        : row,
    );
    const frame = frameOf({ ...base, cancelled: true, summary });
    expect(lineWith(frame, 'thread (partial)')).not.toContain('★');
    expect(lineWith(frame, 'process', '1.10 s')).toMatch(/^★ process/);
    // Its wall-time bar is labelled too.
    const bars = frame.slice(frame.indexOf('Wall time'));
    expect(lineWith(bars, 'thread (partial)', '300 ms')).not.toBe('');
  });

  it('draws wall-time bars on one scale', () => {
    const frame = frameOf();
    const bars = frame.slice(frame.indexOf('Wall time'));
    const length = (name: string) => (lineWith(bars, name).match(/[█▏▎▍▌▋▊▉]/g) ?? []).length;
    expect(length('async')).toBeGreaterThan(length('thread'));
    expect(length('baseline')).toBe(length('async'));
  });

  it('states the verdict lines, marking those within the noise', () => {
    const frame = frameOf();
    expect(frame).toContain('✓ thread ran 1.96 ± 0.04 times faster than async');
    expect(frame).toContain('≈ thread and process are within the noise of each other');
  });

  it('shows the traits of the strategies that ran, in the article’s rows', () => {
    const frame = frameOf();
    for (const label of [
      'Basic unit',
      'Memory space',
      'Parallel on cores',
      'Parallelism/Concurrency',
      'Best for',
      'Pros',
      'Cons',
    ])
      expect(frame).toContain(label);
    expect(lineWith(frame, 'Basic unit', 'Process', 'Thread', 'Coroutine')).not.toBe('');
    expect(lineWith(frame, 'Parallel on cores', 'Yes', 'No')).not.toBe('');
    expect(lineWith(frame, 'Cons', 'Slow to start', 'One core')).not.toBe('');
  });

  it('ends with the recommendation and the keys', () => {
    const frame = frameOf();
    expect(frame).toContain('CPU-bound here: thread won by keeping 1.9 cores busy.');
    expect(frame).toContain('r run again · e export · t timeline · l unit output · s setup · q quit');
    expect(frameOf(report(), false)).not.toContain('run again');
  });

  it('says when the comparison was stopped early', () => {
    expect(frameOf(report({ cancelled: true }))).toContain('stopped early: these are partial results');
  });

  it('charts speedup against concurrency in a sweep', () => {
    const levels = [1, 2, 4];
    const summary = [
      summaryRow('baseline', { concurrency: 1, speedup: null }),
      ...levels.flatMap((c) => [
        summaryRow('thread', { concurrency: c, speedup: { value: Math.min(c, 2), uncertainty: 0.05 } }),
        summaryRow('async', { concurrency: c, speedup: { value: 1, uncertainty: 0.02 } }),
      ]),
    ];
    const sweep = report({ summary, settings: { ...report().settings, concurrency: levels } });
    const frame = frameOf(sweep);
    expect(frame).toContain('speedup × against concurrency');
    expect(frame).toMatch(/└─+\n\s+1\s+2\s+4\s*\n/);
    expect(frame).toContain('██ thread  ██ async');
    // thread at 2 and 4 units reaches the top row; async (1×) and thread at 1 unit stop at half height.
    const rows = frame.split('\n');
    const top = rows.find((line) => line.includes('2.0 ┤')) ?? '';
    expect((top.match(/██/g) ?? []).length).toBe(2);
    const middle = rows.find((line) => line.includes('1.0 ┤')) ?? '';
    expect((middle.match(/██/g) ?? []).length).toBe(6);
    expect(frame).not.toContain('Wall time');
    expect(frameOf()).not.toContain('against concurrency');
  });
});

describe('scrolling', () => {
  it('shows a window of the results as tall as the terminal, moved by the offset', () => {
    const at = (offset: number) =>
      plain(
        render(
          <ResultsScreen report={report()} columns={100} rows={20} showKeys offset={offset} />,
        ).lastFrame(),
      );
    const top = at(0);
    expect(top.split('\n').length).toBeLessThan(20);
    expect(top).toContain('concur · article-cpu');
    expect(top).not.toContain('Recommendation');
    expect(top).toContain('r run again');
    const lower = at(25);
    expect(lower).not.toContain('concur · article-cpu');
    expect(lower).toContain('Recommendation');
    expect(lower).toContain('r run again');
  });

  it('measures the whole content, so the app can bound the scrolling', async () => {
    let measured = 0;
    render(
      <ResultsScreen report={report()} columns={100} rows={20} showKeys onMeasure={(h) => (measured = h)} />,
    );
    await tick();
    expect(measured).toBeGreaterThan(30);
  });
});

describe('sweepPoints', () => {
  it('falls back to throughput without a baseline', () => {
    const { metric, points } = sweepPoints([summaryRow('thread', { speedup: null, throughput: 7 })]);
    expect(metric).toBe('items/s');
    expect(points[0]?.value).toBe(7);
  });
});
