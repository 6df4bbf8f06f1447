// A signal as `timeout`, job control and supervisors send it: to concur and then to its whole process group.
// concur hears the same signal twice (one request, not a forced exit), its engine and units hear it too
// (they stop and report what finished, rather than die), and a later signal that does force the exit still
// leaves what was measured on disk.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Report } from '@concur/core';
import { validateReport } from '@concur/core/orchestrate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConcur, tempCwd } from './fixtures/cli/run-concur.js';
import { FAULTS } from './fixtures/faults/fault-run.js';

let cwd: Awaited<ReturnType<typeof tempCwd>>;
beforeAll(async () => {
  cwd = await tempCwd();
});
afterAll(() => cwd.remove());

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One long run of sleeps: many items, so that a signal always lands mid-run. */
const longRun = (strategy: string, reportFile: string) => [
  'run',
  'sleep',
  '--param',
  'items=100',
  '--param',
  'ms=200',
  '-s',
  strategy,
  '-c',
  '1',
  '--runs',
  '1',
  '--no-baseline',
  '--json',
  reportFile,
];

async function readReport(path: string): Promise<Report> {
  return validateReport(JSON.parse(await readFile(path, 'utf8')));
}

/** What finished is kept, and the rest is reported cancelled: no item failed because a process died. */
function expectStoppedCleanly(report: Report): void {
  expect(report.cancelled).toBe(true);
  const [run] = report.runs;
  expect(run?.items.done).toBeGreaterThan(0);
  expect(run?.items.done).toBeLessThan(100);
  expect(run?.failures.map((f) => f.kind)).not.toContain('unit-exited');
  for (const failure of run?.failures ?? []) expect(failure.kind).toBe('cancelled');
}

describe('the same signal to concur and then to its process group is one request', () => {
  it.each(['thread', 'process'])(
    'a repeat 30 ms later still ends with the partial report (%s)',
    async (strategy) => {
      const reportFile = join(cwd.path, `repeat-${strategy}.json`);
      const concur = startConcur(longRun(strategy, reportFile), { cwd: cwd.path, detached: true });
      const pid = concur.child.pid ?? Number.NaN;
      await concur.waitForStderr(/: [1-9]\d*\/100 done/);
      process.kill(pid, 'SIGINT');
      await pause(30);
      process.kill(-pid, 'SIGINT');
      const finished = await concur.finished;
      expect(finished.code, `${finished.signal} ${finished.stderr}`).toBe(130);
      expectStoppedCleanly(await readReport(reportFile));
    },
  );

  it('under `timeout`, interrupted with kill -INT', async () => {
    const reportFile = join(cwd.path, 'timeout-int.json');
    const concur = startConcur(longRun('process', reportFile), { cwd: cwd.path, under: ['timeout', '60'] });
    await concur.waitForStderr(/: [1-9]\d*\/100 done/);
    concur.child.kill('SIGINT');
    const finished = await concur.finished;
    expect(finished.code, finished.stderr).toBe(130);
    expectStoppedCleanly(await readReport(reportFile));
  });
});

describe('SIGTERM to the whole process group (`timeout` running out)', () => {
  it.each(['process', 'async'])('the engine stops and reports what finished (%s)', async (strategy) => {
    const reportFile = join(cwd.path, `term-${strategy}.json`);
    const concur = startConcur(longRun(strategy, reportFile), { cwd: cwd.path, detached: true });
    const pid = concur.child.pid ?? Number.NaN;
    await concur.waitForStderr(/: [1-9]\d*\/100 done/);
    process.kill(-pid, 'SIGTERM');
    const finished = await concur.finished;
    expect(finished.code, finished.stderr).toBe(143);
    expect(finished.stderr).not.toMatch(/EPIPE|engine process/);
    expectStoppedCleanly(await readReport(reportFile));
  });

  it('the workload service keeps serving until concur stops it (http-get)', async () => {
    const reportFile = join(cwd.path, 'term-service.json');
    const args = ['run', 'http-get', '--param', 'items=400', '--param', 'latencyMs=100', '-s', 'thread'];
    const concur = startConcur([...args, '-c', '2', '--runs', '1', '--no-baseline', '--json', reportFile], {
      cwd: cwd.path,
      detached: true,
    });
    const pid = concur.child.pid ?? Number.NaN;
    await concur.waitForStderr(/: [1-9]\d*\/400 done/);
    process.kill(-pid, 'SIGTERM');
    const finished = await concur.finished;
    expect(finished.code, finished.stderr).toBe(143);
    const [run] = (await readReport(reportFile)).runs;
    expect(run?.items.done).toBeGreaterThan(0);
    for (const failure of run?.failures ?? []) expect(failure.kind).toBe('cancelled');
  });

  it('under `timeout 8`, which sends SIGTERM when it runs out', async () => {
    const reportFile = join(cwd.path, 'timeout-term.json');
    const concur = startConcur(longRun('thread', reportFile), { cwd: cwd.path, under: ['timeout', '8'] });
    const finished = await concur.finished;
    // timeout's own status when the time ran out.
    expect(finished.code, finished.stderr).toBe(124);
    expectStoppedCleanly(await readReport(reportFile));
  });
});

describe('a later, different signal forces the exit', () => {
  it('and the runs that had finished are written first', async () => {
    // Run 1 finishes; run 2 blocks its engine for good, so the run in progress cannot stop on request.
    const reportFile = join(cwd.path, 'forced.json');
    const mark = join(cwd.path, 'spin-mark');
    const task = join(FAULTS, 'spins-on-second-run.mjs');
    const args = ['run', '--task', task, '--items', '3', '-s', 'async', '-c', '1', '--no-baseline'];
    const concur = startConcur([...args, '--runs', '2', '--warmup', '0', '--json', reportFile], {
      cwd: cwd.path,
      env: { CONCUR_TEST_SPIN_MARK: mark },
    });
    await concur.waitForStderr(/\[2\/2\] async ×1 run 2 …/);
    const until = Date.now() + 20_000;
    while (!existsSync(`${mark}.spinning`) && Date.now() < until) await pause(50);
    expect(existsSync(`${mark}.spinning`), 'the task never reached its endless loop').toBe(true);
    concur.child.kill('SIGINT');
    await pause(300);
    concur.child.kill('SIGTERM');
    const finished = await concur.finished;
    expect(finished.code, finished.stderr).toBe(130);
    expect(finished.stderr).toMatch(/the report holds the runs that had finished/);
    const report = await readReport(reportFile);
    expect(report.cancelled).toBe(true);
    // Run 1 whole; run 2, killed with its engine, may be there as cancelled or not at all.
    expect(report.runs[0]).toMatchObject({ run: 1, items: { done: 3, failed: 0 } });
    for (const run of report.runs.slice(1)) expect(run.cancelled).toBe(true);
  });
});
