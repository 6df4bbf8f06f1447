// A comparison in which every item failed (nothing listens on 127.0.0.1:1) tells no speed: no speedup, no
// efficiency, no p95 latency, no winner, no significance; and it shows why the items failed, grouped.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Report } from '@concur/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Finished, runConcur, tempCwd } from './fixtures/cli/run-concur.js';

let cwd: Awaited<ReturnType<typeof tempCwd>>;
let finished: Finished;
let report: Report;
beforeAll(async () => {
  cwd = await tempCwd();
  finished = await runConcur(
    [
      'run',
      'http-get',
      '-p',
      'url=http://127.0.0.1:1/',
      '-p',
      'items=12',
      '--runs',
      '1',
      '--strategies',
      'async,thread',
      '--json',
      'r.json',
    ],
    { cwd: cwd.path },
  );
  report = JSON.parse(await readFile(join(cwd.path, 'r.json'), 'utf8')) as Report;
}, 120_000);
afterAll(() => cwd.remove());

describe('concur run where every item failed', () => {
  it('gives no row a speedup, an efficiency or a latency, and names no winner', () => {
    expect(report.summary.map((row) => row.strategy)).toEqual(['baseline', 'async', 'thread']);
    for (const row of report.summary)
      expect(row).toMatchObject({
        failedShare: 1,
        speedup: null,
        efficiency: null,
        latencyMs: { p50: null, p95: null, p99: null },
      });
    expect(report.verdict).toEqual([]);
    expect(finished.stdout).not.toMatch(/times faster|won/);
    expect(report.recommendation).toMatch(/^Most items failed under every strategy/);
  });

  it('prints the failure reasons grouped by kind and message, with counts', () => {
    expect(finished.stdout).toMatch(/^Failures$/m);
    for (const name of ['baseline ×1', 'async ×12', 'thread ×2'])
      expect(finished.stdout).toContain(`  ${name}\n    12 × threw: Error: connect ECONNREFUSED 127.0.0.1:1`);
    expect(finished.code).not.toBe(0);
  });
});
