// Ctrl-C (SIGINT), SIGTERM or SIGHUP mid-run: every unit stops, the partial report is written, concur
// exits with 128 + the signal's number, and none of the processes it started outlives it.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { validateReport } from '@concur/core/orchestrate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { descendantsOf, isAlive, startConcur, tempCwd } from './fixtures/cli/run-concur.js';

let cwd: Awaited<ReturnType<typeof tempCwd>>;
beforeAll(async () => {
  cwd = await tempCwd();
});
afterAll(() => cwd.remove());

async function waitUntil(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return check();
}

describe.each([
  ['SIGINT', 130],
  ['SIGTERM', 143],
  ['SIGHUP', 129],
] as const)('%s mid-run', (signal, exitCode) => {
  it(`stops every unit, writes the partial report and exits ${exitCode} with no child left`, async () => {
    const reportFile = join(cwd.path, `${signal}.json`);
    // Child-process units, so the tree below concur is engine → unit processes. Long enough to be mid-run.
    const concur = startConcur(
      [
        'run',
        'sleep',
        '--param',
        'items=400',
        '--param',
        'ms=50',
        '-s',
        'process',
        '-c',
        '2',
        '--runs',
        '3',
        '--no-baseline',
        '--json',
        reportFile,
      ],
      { cwd: cwd.path },
    );
    const pid = concur.child.pid ?? Number.NaN;
    // A progress line with items in flight: the units are up and working.
    await concur.waitForStderr(/process ×2 [^\n]*: \d+\/400 done, [1-9]\d* in flight/);
    const tree = descendantsOf(pid);
    expect(tree.length).toBeGreaterThanOrEqual(3); // the engine and its two unit processes

    const sentAt = Date.now();
    concur.child.kill(signal);
    const finished = await concur.finished;
    const tookMs = Date.now() - sentAt;

    expect(finished.code, finished.stderr).toBe(exitCode);
    // Liveness, not a benchmark: prompt means well under the 10 s a stuck shutdown would take.
    expect(tookMs).toBeLessThan(5_000);
    expect(finished.stderr).toMatch(new RegExp(`^${signal}: stopping every unit`, 'm'));
    expect(await waitUntil(() => tree.every((child) => !isAlive(child)), 1_000)).toBe(true);

    const report = validateReport(JSON.parse(await readFile(reportFile, 'utf8')));
    expect(report.cancelled).toBe(true);
    expect(report.runs.length).toBeGreaterThanOrEqual(1);
    expect(report.runs.length).toBeLessThan(3);
    expect(report.runs[0]?.items.done).toBeGreaterThan(0);
    expect(report.runs[0]?.items.done).toBeLessThan(400);
  });
});
