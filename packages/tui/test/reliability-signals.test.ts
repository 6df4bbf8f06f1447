// Signals mid-run, on every strategy and with a workload service running: SIGINT, SIGTERM and SIGHUP stop
// every unit, engine and service, keep the partial report and end concur within two seconds; SIGKILL of
// concur itself leaves nothing behind either — even an engine whose event loop a task blocks for good.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { validateReport } from '@concur/core/orchestrate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { descendantsOf, type Running, startConcur, tempCwd } from './fixtures/cli/run-concur.js';
import { FAULTS, stillAlive } from './fixtures/faults/fault-run.js';

let cwd: Awaited<ReturnType<typeof tempCwd>>;
beforeAll(async () => {
  cwd = await tempCwd();
});
afterAll(() => cwd.remove());

/** Record every process below concur until `stop` resolves. */
function recordTree(concur: Running): { seen: Set<number>; stop(): void } {
  const pid = concur.child.pid ?? Number.NaN;
  const seen = new Set<number>();
  const look = () => {
    for (const child of descendantsOf(pid)) seen.add(child);
  };
  look();
  const timer = setInterval(look, 50);
  return { seen, stop: () => clearInterval(timer) };
}

/** http-get: each item a GET to concur's loopback server, a service in a process of its own. */
/** Three items on one async slot, the second of which spins for ever: the engine's loop blocks for good. */
const blockedAsyncRun = [
  'run',
  '--task',
  join(FAULTS, 'endless-loop.mjs'),
  '--items',
  '3',
  '-s',
  'async',
  '-c',
  '1',
  '--runs',
  '1',
  '--no-baseline',
  '--timeout',
  '30s',
];

const withService = (strategy: string, reportFile: string) => [
  'run',
  'http-get',
  '--param',
  'items=400',
  '--param',
  'latencyMs=100',
  '-s',
  strategy,
  '-c',
  '2',
  '--runs',
  '2',
  '--no-baseline',
  '--json',
  reportFile,
];

describe.each([
  ['SIGINT', 130, 'thread'],
  ['SIGTERM', 143, 'async'],
  ['SIGHUP', 129, 'process'],
] as const)('%s mid-run on the %s strategy, with a service running', (signal, exitCode, strategy) => {
  it('stops every unit, engine and service, keeps the partial report and exits within 2 s', async () => {
    const reportFile = join(cwd.path, `${signal}-${strategy}.json`);
    const concur = startConcur(withService(strategy, reportFile), { cwd: cwd.path });
    const tree = recordTree(concur);
    await concur.waitForStderr(new RegExp(`${strategy} ×2 [^\\n]*: [1-9]\\d*/400 done`));
    // The service process and the engine at least; the process strategy adds its units.
    expect(tree.seen.size).toBeGreaterThanOrEqual(2);

    const sentAt = Date.now();
    concur.child.kill(signal);
    const exited = await new Promise<number>((resolve) =>
      concur.child.once('exit', () => resolve(Date.now())),
    );
    const finished = await concur.finished;
    tree.stop();

    expect(finished.code, finished.stderr).toBe(exitCode);
    // The promise made to the user, with no slack: Ctrl-C gives the prompt back within two seconds.
    expect(exited - sentAt).toBeLessThan(2_000);
    expect(await stillAlive([...tree.seen], 500)).toEqual([]);
    const report = validateReport(JSON.parse(await readFile(reportFile, 'utf8')));
    expect(report.cancelled).toBe(true);
    expect(report.runs[0]?.items.done).toBeGreaterThan(0);
    expect(report.runs[0]?.items.done).toBeLessThan(400);
  });
});

describe('a signal while a task blocks the engine for good (endless loop on the async strategy)', () => {
  it('still exits within 2 s with the partial report and no process left', async () => {
    const reportFile = join(cwd.path, 'blocked.json');
    const spinning = join(cwd.path, 'spinning');
    const concur = startConcur([...blockedAsyncRun, '--json', reportFile], {
      cwd: cwd.path,
      env: { CONCUR_TEST_SPIN_MARK: spinning },
    });
    const tree = recordTree(concur);
    await concur.waitForStderr(/async ×1 run 1 …/);
    // Item 0 is done and item 1 spins: the task says so in a file just before it blocks the engine for good.
    const deadline = Date.now() + 20_000;
    while (!existsSync(spinning) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(existsSync(spinning), 'the task never reached its endless loop').toBe(true);
    expect(tree.seen.size).toBeGreaterThanOrEqual(1);

    const sentAt = Date.now();
    concur.child.kill('SIGINT');
    const exited = await new Promise<number>((resolve) =>
      concur.child.once('exit', () => resolve(Date.now())),
    );
    const finished = await concur.finished;
    tree.stop();

    expect(finished.code, finished.stderr).toBe(130);
    expect(exited - sentAt).toBeLessThan(2_000);
    expect(await stillAlive([...tree.seen], 500)).toEqual([]);
    const report = validateReport(JSON.parse(await readFile(reportFile, 'utf8')));
    expect(report.cancelled).toBe(true);
    const [run] = report.runs;
    expect(run?.items.done).toBe(0);
    expect(run?.items.failed).toBe(3);
    for (const failure of run?.failures ?? []) expect(failure.kind).toBe('cancelled');
  });
});

describe('SIGKILL of concur itself', () => {
  it.each([
    ['units, engine and service', withService('process', join('unused.json'))],
    ['an engine blocked by an endless loop', blockedAsyncRun],
  ])('leaves no orphan: %s', async (_what, args) => {
    const concur = startConcur(args, { cwd: cwd.path });
    const tree = recordTree(concur);
    await concur.waitForStderr(/run 1 …/);
    await new Promise((resolve) => setTimeout(resolve, 800));
    tree.stop();
    expect(tree.seen.size).toBeGreaterThanOrEqual(1);

    concur.child.kill('SIGKILL');
    await concur.finished;
    // Nobody is left to clean up: each orphan notices its parent is gone and leaves on its own, after a
    // grace of about 3 s that lets an engine stop its units politely.
    expect(await stillAlive([...tree.seen], 8_000)).toEqual([]);
  });
});
