import { describe, expect, it } from 'vitest';
import { recommend } from '../src/report/recommend.js';
import { summarize } from '../src/report/summarize.js';
import { makeRun } from './report-fixture-runs.js';

const advise = (runs: ReturnType<typeof makeRun>[]) => {
  const { summary, verdict } = summarize(runs, 10, 2);
  return recommend(summary, verdict);
};

describe('recommend', () => {
  it('calls work CPU-bound when the winner kept several cores busy', () => {
    const runs = [1, 2, 3].flatMap((run) => [
      makeRun('baseline', run, 1000 + run),
      makeRun('thread', run, 510 + run, { cpuCores: 1.9 }),
      makeRun('async', run, 1000 + run),
    ]);
    expect(advise(runs)).toMatch(/^CPU-bound here: thread won by keeping 1\.9 cores busy/);
  });

  it('calls work I/O-bound when the winner mostly waited, and names start-up cost where it decided', () => {
    const runs = [1, 2, 3].flatMap((run) => [
      makeRun('baseline', run, 1000 + run, { cpuCores: 0.1 }),
      makeRun('async', run, 100 + run, { cpuCores: 0.2, concurrency: 10 }),
      makeRun('process', run, 600 + run, { cpuCores: 0.6, startupMs: 450 }),
    ]);
    const advice = advise(runs);
    expect(advice).toMatch(/^I\/O-bound here: .*async won/);
    expect(advice).toContain('Start-up cost decided it for process (450 ms of 602 ms spent starting units).');
  });

  it('refuses to pick where nothing is faster beyond the noise', () => {
    const runs = [1, 2, 3].flatMap((run) => [
      makeRun('thread', run, [100, 130, 90][run - 1] ?? 0),
      makeRun('async', run, [110, 95, 120][run - 1] ?? 0),
    ]);
    expect(advise(runs)).toMatch(/^No strategy was faster beyond the noise/);
  });

  it('never names a strategy whose every run was cut short, however short its wall', () => {
    const runs = [1, 2, 3].flatMap((run) => [
      makeRun('baseline', run, 1000 + run),
      makeRun('process', run, 520 + run, { cpuCores: 1.9 }),
    ]);
    runs.push(makeRun('thread', 1, 90, { cancelled: true, cpuCores: 1.9 }));
    expect(advise(runs)).toMatch(/^CPU-bound here: process won/);
  });

  it('warns when items failed', () => {
    const runs = [makeRun('thread', 1, 100, { items: { total: 10, done: 8, failed: 2 } })];
    expect(advise(runs)).toContain('Items failed under thread (2)');
  });

  it('never names a strategy whose items mostly failed, however fast they failed', () => {
    const allFailed = { items: { total: 10, done: 0, failed: 10 } };
    const runs = [1, 2, 3].flatMap((run) => [
      makeRun('baseline', run, 70 + run, allFailed),
      makeRun('async', run, 47 + run, allFailed),
      makeRun('thread', run, 215 + run, allFailed),
    ]);
    expect(advise(runs)).toBe(
      'Most items failed under every strategy, so there is nothing to recommend: fix what the failures say and run again.',
    );
    const oneFailed = [1, 2, 3].flatMap((run) => [
      makeRun('baseline', run, 1000 + run),
      makeRun('async', run, 47 + run, allFailed),
      makeRun('thread', run, 515 + run, { cpuCores: 1.9 }),
    ]);
    const advice = advise(oneFailed);
    expect(advice).toMatch(/^CPU-bound here: thread won/);
    expect(advice).toContain('Most items failed under async (30), so it has no speedup and cannot win');
  });
});
