// Before and after from real runs: `concur run --json a.json`, the same run with a param changed and
// `--against a.json`, then `concur diff`. The ratio and σ the command states are checked against the raw
// wall times the two reports hold; `concur diff a.json a.json` finds every row within the noise; a file
// that is not a report is one line and exit status 2.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Report } from '@concur/core';
import { type ReportDiff, validateReport, validateReportDiff } from '@concur/core/orchestrate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Finished, runConcur, tempCwd } from './fixtures/cli/run-concur.js';

// Tiny on purpose: 4 waits, one strategy and the baseline, two runs each. The second run's waits are four
// times as long, so its baseline (4 waits one after the other: about 80 ms, then 320 ms) is clearly slower.
const SLEEP = ['run', 'sleep', '--param', 'items=4', '--runs', '2', '--strategies', 'async'];

let cwd: Awaited<ReturnType<typeof tempCwd>>;
let first: Finished;
let second: Finished;
let before: Report;
let after: Report;
beforeAll(async () => {
  cwd = await tempCwd();
  first = await runConcur([...SLEEP, '--param', 'ms=20', '--json', 'a.json'], { cwd: cwd.path });
  second = await runConcur([...SLEEP, '--param', 'ms=80', '--against', 'a.json', '--json', 'b.json'], {
    cwd: cwd.path,
  });
  before = validateReport(JSON.parse(await readFile(join(cwd.path, 'a.json'), 'utf8')));
  after = validateReport(JSON.parse(await readFile(join(cwd.path, 'b.json'), 'utf8')));
  await writeFile(join(cwd.path, 'notes.txt'), 'not a report\n');
  await writeFile(join(cwd.path, 'other.json'), '{"name": "something else"}\n');
}, 120_000);
afterAll(() => cwd.remove());

/** Mean and sample σ of a row's finished measured wall times, worked out here from the raw runs. */
function walls(report: Report, strategy: string): { mean: number; sd: number } {
  const xs = report.runs
    .filter((run) => run.strategy === strategy && !run.warmup && !run.cancelled)
    .map((run) => run.wallMs);
  const mean = xs.reduce((sum, x) => sum + x, 0) / xs.length;
  const sd = Math.sqrt(xs.reduce((sum, x) => sum + (x - mean) ** 2, 0) / (xs.length - 1));
  return { mean, sd };
}

describe('concur run --against', () => {
  it('runs as usual and exits 0', () => {
    expect(first.code).toBe(0);
    expect(second.stderr).not.toMatch(/^concur: /m);
    expect(second.code).toBe(0);
  });

  it('prints a before/after line per row with its uncertainty, after the comparison', () => {
    const out = second.stdout;
    expect(out.indexOf('Before and after: a.json → this run')).toBeGreaterThan(out.indexOf('strategy'));
    expect(out).toContain('⚠ params differ (a.json → this run): ms 20 → 80');
    for (const row of ['baseline ×1', 'async ×4'])
      expect(out).toMatch(
        new RegExp(
          `^${row}: [\\d.]+ m?s → [\\d.]+ m?s, ([\\d.]+ ± [\\d.]+ times (faster|slower) \\(significant\\)|within the noise \\([\\d.]+ ± [\\d.]+ times as fast\\))$`,
          'm',
        ),
      );
    expect(out).toMatch(
      /^strategy\s+concurrency\s+before \(median ± σ\)\s+after \(median ± σ\)\s+before ÷ after/m,
    );
    for (const row of after.against?.rows ?? []) expect(out).toContain(`${row.text}\n`);
    expect(out).toMatch(/not interleaved/);
  });

  it('writes the diff into the --json report, its ratio and σ those of the raw wall times', () => {
    const diff = after.against as ReportDiff;
    expect(diff).toBeDefined();
    expect(diff.before.label).toBe('a.json');
    expect(diff.after.label).toBe('this run');
    expect(diff.rows.map((row) => row.strategy)).toEqual(['baseline', 'async']);
    for (const row of diff.rows) {
      const a = walls(before, row.strategy);
      const b = walls(after, row.strategy);
      const ratio = a.mean / b.mean;
      expect(row.speedup.value).toBeCloseTo(ratio, 10);
      expect(row.speedup.uncertainty).toBeCloseTo(
        ratio * Math.sqrt((a.sd / a.mean) ** 2 + (b.sd / b.mean) ** 2),
        10,
      );
    }
    // Four waits of 20 ms against four of 80 ms, one after the other: about a quarter as fast.
    const baseline = diff.rows[0];
    expect(baseline?.speedup.value).toBeGreaterThan(0.15);
    expect(baseline?.speedup.value).toBeLessThan(0.5);
    expect(baseline?.change).toBe('slower');
  });
});

describe('concur diff', () => {
  it('finds every row of a report against itself within the noise', async () => {
    const same = await runConcur(['diff', 'a.json', 'a.json'], { cwd: cwd.path });
    expect(same.code).toBe(0);
    expect(same.stdout).toContain('Every row is within the noise');
    expect(same.stdout).toMatch(/^baseline ×1: .*within the noise/m);
    expect(same.stdout).toMatch(/^async ×4: .*within the noise/m);
    expect(same.stdout).not.toMatch(/times (faster|slower)/);
  });

  it('sets two reports against each other without running anything; --json - prints the diff alone', async () => {
    const ran = await runConcur(['diff', 'a.json', 'b.json', '--json', '-'], { cwd: cwd.path });
    expect(ran.code).toBe(0);
    const diff = validateReportDiff(JSON.parse(ran.stdout));
    expect(diff.before.label).toBe('a.json');
    expect(diff.after.label).toBe('b.json');
    // The same two reports give the same rows as the run that made the second one.
    expect(diff.rows).toEqual(after.against?.rows);
    expect(ran.stderr).toContain('Before and after: a.json → b.json');
    expect(ran.stderr).not.toMatch(/plan:/);
  });

  // [what is wrong, argv, the one line]
  const bad: [string, string[], RegExp][] = [
    [
      'a file that is not JSON',
      ['diff', 'notes.txt', 'a.json'],
      /^concur: notes\.txt is not a concur report/,
    ],
    ['JSON of another kind', ['diff', 'a.json', 'other.json'], /^concur: other\.json is not a concur report/],
    ['no such file', ['diff', 'a.json', 'gone.json'], /^concur: gone\.json: no such file/],
    [
      'a report that is not',
      ['run', 'sleep', '--against', 'notes.txt'],
      /^concur: --against notes\.txt is not a concur report/,
    ],
    ['one report only', ['diff', 'a.json'], /^concur: missing required argument 'after'/],
  ];
  for (const [what, argv, line] of bad)
    it(`refuses ${what} with one line and exit status 2, before anything runs`, async () => {
      const ran = await runConcur(argv, { cwd: cwd.path });
      expect(ran.code).toBe(2);
      expect(ran.stderr).toMatch(line);
      expect(ran.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(ran.stdout).toBe('');
    });
});
