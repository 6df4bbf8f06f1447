// Limits that are checked, not discovered: a timeout longer than Node's timers keep, more items or units
// than this machine can hold, more units than items, and a start-up that never ends under a short timeout.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, runConcur, tempCwd } from './fixtures/cli/run-concur.js';
import { FAULTS } from './fixtures/faults/fault-run.js';

let cwd: Awaited<ReturnType<typeof tempCwd>>;
beforeAll(async () => {
  cwd = await tempCwd();
});
afterAll(() => cwd.remove());

const echo = ['run', '--task', join(FIXTURES, 'echo.mjs')];

/** A refusal: exit 2, one line, and nothing measured (no plan line). */
function expectRefusal(finished: { code: number | null; stderr: string }, line: RegExp): void {
  expect(finished.code, finished.stderr).toBe(2);
  const lines = finished.stderr.trim().split('\n');
  expect(lines, finished.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(line);
  expect(finished.stderr).not.toMatch(/plan:/);
}

describe('refused before anything runs, with one line', () => {
  it('a --timeout longer than Node timers can wait', async () => {
    expectRefusal(
      await runConcur([...echo, '--items', '2', '--timeout', '600h'], { cwd: cwd.path }),
      /^concur: --timeout 600h is longer than Node's timers can wait \(about 24\.8 days\); give at most 596h, or "none" for no limit$/,
    );
  });

  it('--items more than a report can hold here', async () => {
    expectRefusal(
      await runConcur([...echo, '--items', '9007199254740991'], { cwd: cwd.path }),
      /^concur: --items 9007199254740991: 9,007,199,254,740,991 items in one run would need about .+ for their figures; at most [\d,]+ fit here$/,
    );
  });

  it('a workload param asking for more items than an array holds', async () => {
    expectRefusal(
      await runConcur(['run', 'sleep', '--param', 'items=4294967296', '-s', 'thread'], { cwd: cwd.path }),
      /^concur: workload "sleep" could not make its inputs \(Invalid array length\): its params ask for more items than this machine can hold; ask for fewer$/,
    );
  });

  it('more items across the planned runs than their figures can fit in', async () => {
    // Two million sleeps of 0 ms: a small array to make, but 2 × 20 runs of figures is more than fits.
    const args = [
      'run',
      'sleep',
      '--param',
      'items=2000000',
      '--param',
      'ms=0',
      '-s',
      'thread',
      '--runs',
      '20',
    ];
    expectRefusal(
      await runConcur(args, { cwd: cwd.path }),
      /^concur: 2,000,000 items in each of 40 runs would need about .+ for their figures; at most [\d,]+ fit here; ask for fewer items or fewer runs$/,
    );
  });

  it('a --runs or --warmup so large that the plan alone would fill the heap', async () => {
    const args = ['run', 'sleep', '--param', 'items=2', '--param', 'ms=0', '-s', 'thread'];
    expectRefusal(
      await runConcur([...args, '--runs', '999999999'], { cwd: cwd.path }),
      /^concur: 2 items in each of 1,999,999,998 runs would need about .+ for their figures; at most [\d,]+ fit here; ask for fewer items or fewer runs$/,
    );
    expectRefusal(
      await runConcur([...args, '--warmup', '9007199254740991'], { cwd: cwd.path }),
      /^concur: 2 items in each of [\d,]+ runs would need about .+; ask for fewer items or fewer runs$/,
    );
  });

  it('a --concurrency whose process units could not fit in the memory free here', async () => {
    const args = ['run', 'sleep', '--param', 'items=1000000', '--param', 'ms=0', '-s', 'process'];
    expectRefusal(
      await runConcur([...args, '-c', '1000000'], { cwd: cwd.path }),
      /^concur: --concurrency 1000000 for process units would need about .+ \(about 50\.0 MiB each\); at most [\d,]+ fit in the .+ free here$/,
    );
  });
});

describe('never more units than items', () => {
  it('-c 5 for two items starts two units, and says so', async () => {
    const finished = await runConcur(
      [...echo, '--items', '2', '-s', 'process', '-c', '5', '--runs', '1', '--no-baseline'],
      {
        cwd: cwd.path,
      },
    );
    expect(finished.code, finished.stderr).toBe(0);
    expect(finished.stderr).toMatch(
      /^concur: --concurrency 5 asks for more units than the 2 items; running at most 2$/m,
    );
    expect(finished.stderr).toMatch(/\[1\/1\] process ×2 run 1: /);
  });
});

describe('a unit start that never ends', () => {
  it('is bounded by --startup-timeout, and a short --timeout says that start-up has its own limit', {
    timeout: 60_000,
  }, async () => {
    const task = join(FAULTS, 'setup-never-settles.mjs');
    const args = [
      'run',
      '--task',
      task,
      '--items',
      '1',
      '-s',
      'thread',
      '-c',
      '1',
      '--runs',
      '1',
      '--no-baseline',
    ];
    const bounded = await runConcur([...args, '--timeout', '1s', '--startup-timeout', '1s'], {
      cwd: cwd.path,
    });
    expect(bounded.code, bounded.stderr).toBe(1);
    expect(bounded.stdout + bounded.stderr).toMatch(/did not become ready within 1000 ms/);
    expect(bounded.stderr).not.toMatch(/has its own limit/);

    const told = await runConcur(
      [...echo, '--items', '1', '-s', 'thread', '--runs', '1', '--timeout', '2s'],
      {
        cwd: cwd.path,
      },
    );
    expect(told.code, told.stderr).toBe(0);
    expect(told.stderr).toMatch(
      /^concur: --timeout 2\.00 s limits each item; a unit's start \(its task's import and setup\) has its own limit, 30\.0 s: set it with --startup-timeout$/m,
    );
  });
});
