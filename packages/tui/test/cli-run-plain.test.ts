// `concur run` without a terminal: progress lines on stderr, the table, verdict and recommendation on
// stdout, the report files asked for, and JSON that validates against the report schema.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { validateReport } from '@concur/core/orchestrate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Finished, runConcur, tempCwd } from './fixtures/cli/run-concur.js';

// Tiny on purpose: 6 waits of 20 ms, one run each, two strategies and the baseline.
const SLEEP = [
  'run',
  'sleep',
  '--param',
  'items=6',
  '--param',
  'ms=20',
  '--runs',
  '1',
  '--strategies',
  'async,thread',
];

let cwd: Awaited<ReturnType<typeof tempCwd>>;
let withFiles: Finished;
beforeAll(async () => {
  cwd = await tempCwd();
  withFiles = await runConcur(
    [...SLEEP, '--json', 'report.json', '--markdown', 'report.md', '--csv', 'report.csv'],
    { cwd: cwd.path },
  );
});
afterAll(() => cwd.remove());

describe('concur run with plain output', () => {
  it('exits 0 when every item succeeded', () => {
    expect(withFiles.stderr).not.toMatch(/^concur: /m);
    expect(withFiles.code).toBe(0);
  });

  it('prints a line as each run starts and ends on stderr, with its wall time', () => {
    expect(withFiles.stderr).toMatch(/^sleep: plan: 3 runs of 6 items each \(baseline, async, thread\)$/m);
    for (const name of ['baseline ×1', 'async ×6', 'thread ×2']) {
      expect(withFiles.stderr).toMatch(new RegExp(`^\\[\\d/3\\] ${name} run 1 …$`, 'm'));
      expect(withFiles.stderr).toMatch(
        new RegExp(`^\\[\\d/3\\] ${name} run 1: [\\d.]+ (ms|s), 6/6 done$`, 'm'),
      );
    }
  });

  it('prints the table, the verdict and the recommendation on stdout, and no progress there', () => {
    const out = withFiles.stdout;
    expect(out).toMatch(
      /strategy\s+concurrency\s+wall \(median ± σ\)\s+speedup\s+efficiency\s+CPU\s+peak memory\s+p95 latency\s+failures/,
    );
    for (const name of ['baseline', 'async', 'thread'])
      expect(out).toMatch(new RegExp(`^${name}\\s+\\d+\\s+[\\d.]+ (ms|s)`, 'm'));
    expect(out).toMatch(/ran [\d.]+ times faster than|within the noise|no winner named between/);
    expect(out).not.toMatch(/plan:|run 1 …/);
    expect(out).not.toContain('\u001b[');
  });

  it('writes a JSON report that validates, with the recommendation the table shows', async () => {
    const report = JSON.parse(await readFile(join(cwd.path, 'report.json'), 'utf8'));
    expect(validateReport(report).schema).toBe('concur.report');
    expect(report.workload).toMatchObject({ name: 'sleep', items: 6, params: { items: 6, ms: 20 } });
    expect(report.settings.strategies).toEqual(['async', 'thread']);
    expect(report.cancelled).toBe(false);
    expect(withFiles.stdout).toContain(report.recommendation);
  });

  it('writes the Markdown and CSV views beside it', async () => {
    expect(await readFile(join(cwd.path, 'report.md'), 'utf8')).toMatch(/^# concur: sleep/);
    expect(await readFile(join(cwd.path, 'report.csv'), 'utf8')).toMatch(/thread/);
  });

  it('with --json - prints the report and nothing else on stdout', async () => {
    const result = await runConcur([...SLEEP, '--json', '-', '--no-baseline'], { cwd: cwd.path });
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(validateReport(report).schema).toBe('concur.report');
    expect(report.runs.map((r: { strategy: string }) => r.strategy)).toEqual(['async', 'thread']);
    // The table went to stderr with the progress.
    expect(result.stderr).toMatch(/^async\s+6\s/m);
  });

  it('sweeps concurrency levels and passes options to the strategy', async () => {
    const result = await runConcur(
      [
        'run',
        'sleep',
        '--param',
        'items=4',
        '--param',
        'ms=5',
        '--runs',
        '1',
        '-s',
        'thread',
        '-c',
        '1,2',
        '--option',
        'thread.inFlight=2',
        '--no-baseline',
        '--json',
        '-',
      ],
      { cwd: cwd.path },
    );
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.settings.concurrency).toEqual([1, 2]);
    expect(report.summary.map((s: { concurrency: number }) => s.concurrency)).toEqual([1, 2]);
    expect(report.settings.strategyOptions).toEqual({ thread: { inFlight: 2 } });
  });
});
