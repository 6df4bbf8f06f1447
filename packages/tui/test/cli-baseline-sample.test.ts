// `--baseline sample`: the baseline runs on an even sample of the items and is scaled to the whole, and the
// report says so wherever the baseline shows; `--baseline none` runs none.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Report } from '@concur/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Finished, runConcur, tempCwd } from './fixtures/cli/run-concur.js';

const SLEEP = ['run', 'sleep', '-p', 'items=400', '-p', 'ms=1', '--runs', '1', '--strategies', 'async'];

let cwd: Awaited<ReturnType<typeof tempCwd>>;
let sampled: Finished;
let report: Report;
beforeAll(async () => {
  cwd = await tempCwd();
  sampled = await runConcur([...SLEEP, '--baseline', 'sample', '--json', 'r.json'], { cwd: cwd.path });
  report = JSON.parse(await readFile(join(cwd.path, 'r.json'), 'utf8')) as Report;
}, 120_000);
afterAll(() => cwd.remove());

describe('--baseline sample', () => {
  it('runs the baseline on 300 of the 400 items and scales it to all of them', () => {
    expect(sampled.code).toBe(0);
    const baselineRun = report.runs.find((run) => run.strategy === 'baseline');
    expect(baselineRun?.sample).toEqual({ items: 300, of: 400 });
    expect(baselineRun?.items.total).toBe(300);
    const row = report.summary.find((s) => s.strategy === 'baseline');
    expect(row?.estimate).toMatchObject({ items: 300, of: 400 });
    // Scaled: the whole workload's estimate is longer than the 300 items took.
    expect(row?.wall.median).toBeGreaterThan(baselineRun?.wallMs ?? Number.POSITIVE_INFINITY);
  });

  it('says so in the plain output', () => {
    expect(sampled.stdout).toMatch(/^baseline \(estimated\) /m);
    expect(sampled.stdout).toMatch(/baseline ×1: estimated from 300 of 400 items, ± [\d.]+ %/);
  });

  it('runs no baseline with --baseline none', async () => {
    const none = await runConcur([...SLEEP, '--baseline', 'none'], { cwd: cwd.path });
    expect(none.code).toBe(0);
    expect(none.stdout).not.toMatch(/^baseline/m);
  }, 120_000);
});
