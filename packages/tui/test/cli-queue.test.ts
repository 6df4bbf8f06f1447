// The queue strategy from the command line: `concur worker` processes started on their own (as on other
// machines) serve a run with --option queue.workers=remote; a broker that goes away mid-run leaves a report
// and exit status 1; a worker without a broker says so in one line. Needs a Redis (CI always has one).
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runConcur, startConcur, tempCwd } from './fixtures/cli/run-concur.js';

const BROKER = 'redis://127.0.0.1:6379';
let cwd: Awaited<ReturnType<typeof tempCwd>>;

// Asked of concur itself, as a user would: what `concur list` says of the queue strategy.
const unavailable: string | undefined = await (async () => {
  const folder = await tempCwd();
  try {
    const listed = JSON.parse((await runConcur(['list', '--json'], { cwd: folder.path })).stdout);
    return listed.strategies.find((s: { name: string }) => s.name === 'queue')?.unavailable;
  } finally {
    await folder.remove();
  }
})();
if (unavailable && process.env.CI)
  throw new Error(`the queue tests need a Redis, and CI always has one: ${unavailable}`);
if (unavailable) console.warn(`concur worker and remote queue tests skipped: ${unavailable}`);

beforeAll(async () => {
  cwd = await tempCwd();
});
afterAll(() => cwd.remove());

/** Keys under `prefix`, as a user would list them. */
const keysUnder = (prefix: string, port = 6379): string[] =>
  execFileSync('redis-cli', ['-p', String(port), '--scan', '--pattern', `${prefix}*`], { encoding: 'utf8' })
    .split('\n')
    .filter(Boolean);

function startWorker(prefix: string) {
  const worker = startConcur(['worker', '--broker', BROKER, '--queue-prefix', prefix], { cwd: cwd.path });
  const ready = new Promise<void>((resolve, reject) => {
    const check = setInterval(() => {
      if (worker.stdout().includes('waiting for runs')) {
        clearInterval(check);
        resolve();
      }
    }, 25);
    void worker.finished.then(() => {
      clearInterval(check);
      reject(new Error(`concur worker ended: ${worker.stderr()}`));
    });
  });
  return { ...worker, ready };
}

describe('concur worker', () => {
  it.skipIf(unavailable)(
    'serves a run with --option queue.workers=remote, then stops on SIGTERM; no key is left',
    async () => {
      const prefix = `concur-cli-test-${process.pid}`;
      const workers = [startWorker(prefix), startWorker(prefix)];
      await Promise.all(workers.map((w) => w.ready));
      const report = join(cwd.path, 'remote.json');
      const run = await runConcur(
        [
          'run',
          'sleep',
          '--strategies',
          'queue',
          '--concurrency',
          '2',
          '--runs',
          '2',
          '--no-baseline',
          '--param',
          'items=20',
          '--param',
          'ms=5',
          '--option',
          'queue.workers=remote',
          '--option',
          `queue.prefix=${prefix}`,
          '--option',
          'queue.inFlight=4',
          '--json',
          report,
        ],
        { cwd: cwd.path },
      );
      expect(run.code, run.stderr).toBe(0);
      const record = JSON.parse(readFileSync(report, 'utf8'));
      const units = record.runs.flatMap((r: { units: { id: string }[] }) => r.units.map((u) => u.id));
      expect(units).toHaveLength(4);
      for (const id of units) expect(id).toMatch(/^pid \d+ on /);
      expect(keysUnder(prefix)).toEqual([]);
      for (const worker of workers) {
        expect(worker.stdout().match(/: serving unit \d of run /g)).toHaveLength(2);
        worker.child.kill('SIGTERM');
        const ended = await worker.finished;
        expect(ended.code).toBe(143);
        expect(ended.stdout).toMatch(/: stopped\n$/);
      }
    },
  );

  it('says in one line that no broker answers, exit status 2', async () => {
    const result = await runConcur(['worker', '--broker', 'redis://127.0.0.1:1'], { cwd: cwd.path });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('concur: no Redis at redis://127.0.0.1:1: start one or pass --broker URL\n');
  });

  it('refuses a broker that is not a Redis URL, exit status 2', async () => {
    const result = await runConcur(['worker', '--broker', 'http://127.0.0.1:6379'], { cwd: cwd.path });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^concur: `--broker` must be a Redis URL such as redis:\/\/127\.0\.0\.1:6379/,
    );
  });
});

describe('the broker stops mid-run', () => {
  it.skipIf(unavailable)(
    'fails the items in flight with the reason, writes the report, and exits 1',
    async () => {
      const port = await new Promise<number>((resolve) => {
        const server = createServer().listen(0, '127.0.0.1', () => {
          const address = server.address();
          server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
        });
      });
      const redis = spawn(
        'redis-server',
        ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
        {
          stdio: 'ignore',
        },
      );
      try {
        const url = `redis://127.0.0.1:${port}`;
        for (let tries = 0; tries < 100; tries += 1) {
          try {
            execFileSync('redis-cli', ['-p', String(port), 'ping'], { stdio: 'ignore' });
            break;
          } catch {
            await new Promise((resolve) => setTimeout(resolve, 100));
          }
        }
        const report = join(cwd.path, 'broker-stops.json');
        const concur = startConcur(
          [
            'run',
            'sleep',
            '--strategies',
            'queue',
            '--concurrency',
            '2',
            '--runs',
            '1',
            '--no-baseline',
            '--param',
            'items=6',
            '--param',
            'ms=20000',
            '--option',
            `queue.broker=${url}`,
            '--json',
            report,
          ],
          { cwd: cwd.path },
        );
        await concur.waitForStderr(/queue ×2 [^\n]*: 0\/6 done, 2 in flight/);
        redis.kill('SIGKILL');
        const finished = await concur.finished;
        expect(finished.code, finished.stderr).toBe(1);
        expect(existsSync(report)).toBe(true);
        const failures = JSON.parse(readFileSync(report, 'utf8')).runs[0].failures as { message: string }[];
        expect(failures).toHaveLength(6);
        expect(failures.filter((f) => f.message.includes(`the broker at ${url} went away`))).toHaveLength(2);
      } finally {
        redis.kill('SIGKILL');
      }
    },
  );
});
