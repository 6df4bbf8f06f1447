// The python-* strategies from the command line: listed as unavailable, with the fix, where no Python is
// found; a run that names them then stops with that line (exit 2); `--option python.bin=…` reaches all
// three; a workload without a Python task leaves them out with one line, and the others still race.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { descendantsOf, isAlive, runConcur, startConcur, tempCwd } from './fixtures/cli/run-concur.js';

const hasPython = spawnSync('python3', ['--version']).status === 0;
if (!hasPython && process.env.CI)
  throw new Error('CI is set, and the python-* CLI tests need python3 on PATH');
if (!hasPython) console.warn('skipping the python-* CLI tests that run Python: no python3 on PATH');

let cwd: Awaited<ReturnType<typeof tempCwd>>;
beforeAll(async () => {
  cwd = await tempCwd();
});
afterAll(() => cwd.remove());

const NOT_FOUND =
  'no Python interpreter "no-such-python3" found: install Python 3.8 or later, or pass --option python.bin=PATH';

describe('concur and the python-* strategies', () => {
  it('lists all three as unavailable, with the fix, when the interpreter is not found', async () => {
    const result = await runConcur(['list', '--json'], { cwd: cwd.path, env: { PATH: '/nonexistent' } });
    expect(result.code, result.stderr).toBe(0);
    const listed = JSON.parse(result.stdout) as { strategies: { name: string; unavailable?: string }[] };
    const python = listed.strategies.filter((s) => s.name.startsWith('python-'));
    expect(python.map((s) => [s.name, s.unavailable])).toEqual(
      ['python-process', 'python-thread', 'python-asyncio'].map((name) => [
        name,
        'no Python interpreter "python3" found: install Python 3.8 or later, or pass --option python.bin=PATH',
      ]),
    );
    expect(listed.strategies.find((s) => s.name === 'thread')?.unavailable).toBeUndefined();
  });

  it('stops a run that names one, with exit status 2 and that line; python.bin reaches every python-*', async () => {
    const result = await runConcur(
      ['run', 'cpu-sum', '--strategies', 'thread,python-thread', '--option', 'python.bin=no-such-python3'],
      { cwd: cwd.path },
    );
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe(`concur: strategy "python-thread" cannot run here: ${NOT_FOUND}`);
  });

  it.skipIf(!hasPython)(
    'leaves out, with one line, python-* on a workload without a Python task, and races the rest',
    async () => {
      const result = await runConcur(
        ['run', 'cpu-hash', '--strategies', 'thread,python-thread', '--param', 'items=2', '--runs', '1'],
        { cwd: cwd.path },
      );
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr).toMatch(
        /^concur: python-thread: cpu-hash has no Python task; left out of this comparison$/m,
      );
      expect(result.stderr).toMatch(/plan: 2 runs of 2 items each \(baseline, thread\)/);
    },
  );

  it.skipIf(!hasPython)(
    'races python-process beside thread on cpu-sum, each on its own runtime’s task',
    async () => {
      const result = await runConcur(
        [
          'run',
          'cpu-sum',
          '--strategies',
          'thread,python-process',
          '--param',
          'items=2',
          '--param',
          'n=200000',
          '--runs',
          '1',
          '--option',
          'python.bin=python3',
        ],
        { cwd: cwd.path },
      );
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr).toMatch(/python-process ×2 run 1: .*, 2\/2 done/);
      expect(result.stdout).toMatch(/^python-process +2 /m);
    },
  );

  it.skipIf(!hasPython)(
    'refuses a Python task with a syntax error in one line naming the file and the line',
    async () => {
      await writeFile(join(cwd.path, 'my_task.py'), 'def run(value):\n    return value +\n');
      const result = await runConcur(['run', '--task', 'my_task.py', '--items', '2'], { cwd: cwd.path });
      expect(result.code).toBe(2);
      const lines = result.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(
        /^concur: --task my_task\.py: SyntaxError: invalid syntax at line 2 of \/.*\/my_task\.py; fix the Python there$/,
      );
    },
  );

  it.skipIf(!hasPython)(
    "races a user's Python task on python-thread, and leaves out thread, which has no task to run, with one line",
    async () => {
      await writeFile(join(cwd.path, 'double.py'), 'KIND = "cpu"\n\ndef run(value):\n    return value * 2\n');
      const result = await runConcur(
        ['run', '--task', 'double.py', '--items', '3', '--runs', '1', '--strategies', 'thread,python-thread'],
        { cwd: cwd.path },
      );
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr).toMatch(
        /^concur: thread: double has no Node\.js task; left out of this comparison$/m,
      );
      // No Node strategy races: the baseline is a sequential run in Python.
      expect(result.stderr).toMatch(/plan: 2 runs of 3 items each \(baseline, python-thread\)/);
      expect(result.stderr).toMatch(/python-thread ×\d run 1: .*, 3\/3 done/);
    },
  );

  it.skipIf(!hasPython)(
    'leaves no Python process behind when concur is stopped by SIGINT mid-run',
    async () => {
      await writeFile(join(cwd.path, 'spin.py'), 'def run(value):\n    while True:\n        pass\n');
      const concur = startConcur(
        [
          'run',
          '--task',
          'spin.py',
          '--items',
          '4',
          '--strategies',
          'python-process,python-thread',
          '--no-baseline',
        ],
        { cwd: cwd.path },
      );
      const pid = concur.child.pid ?? Number.NaN;
      // The engine's interpreters are running the endless items.
      await concur.waitForStderr(/python-process ×\d [^\n]*: 0\/4 done, [1-9] in flight/);
      const pythons = descendantsOf(pid).filter((child) => commandOf(child).includes('concur_host.py'));
      expect(pythons.length, concur.stderr()).toBeGreaterThanOrEqual(1);
      concur.child.kill('SIGINT');
      const finished = await concur.finished;
      expect(finished.code, finished.stderr).toBe(130);
      for (let tries = 0; pythons.some(isAlive) && tries < 100; tries += 1)
        await new Promise((resolve) => setTimeout(resolve, 50));
      expect(pythons.filter(isAlive), 'Python processes still alive after concur ended').toEqual([]);
    },
  );
});

function commandOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return '';
  }
}
