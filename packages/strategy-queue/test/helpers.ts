// Units fork the built unit entry (dist/unit-entry.js), so every test runs the build, exactly as a user would.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import type { Strategy, Unit } from '@concur/core';
import { makeSpec, type RecordedSpec } from '@concur/core/testkit';
import { Redis } from 'ioredis';
import { inject } from 'vitest';

/** The Redis the tests use, or null when none answers (every test then skips). */
export const broker = inject('broker');

export const loadStrategy = async (): Promise<Strategy> =>
  ((await import(new URL('../dist/index.js', import.meta.url).href)) as { default: Strategy }).default;

/** File URL of a plain-JavaScript task in test/fixtures. */
export const fixture = (file: string): string => new URL(`./fixtures/${file}`, import.meta.url).href;

/** A prefix of its own for one test file, so that its keys (and its remote workers) are its alone. */
export const testPrefix = (name: string): string => `concur-test-${name}-${randomBytes(3).toString('hex')}`;

/** Start one unit of the built strategy on `task`, with a spec that records what it prints. */
export async function startUnit(
  task: string,
  options: Record<string, unknown> = {},
  spec: Partial<Omit<RecordedSpec, 'output' | 'printed'>> = {},
): Promise<{ unit: Unit; spec: RecordedSpec }> {
  const strategy = await loadStrategy();
  const full = { broker, ...options };
  const recorded = makeSpec(task, { options: full, inFlight: strategy.itemsInFlight?.(full) ?? 1, ...spec });
  return { unit: await strategy.spawn(recorded), spec: recorded };
}

/** Every key under `prefix`, as `redis-cli --scan --pattern '<prefix>*'` lists them. */
export async function keysUnder(prefix: string, url = broker ?? ''): Promise<string[]> {
  const redis = new Redis(url, { lazyConnect: true });
  await redis.connect();
  try {
    const keys: string[] = [];
    let cursor = '0';
    do {
      const [next, found] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      cursor = next;
      keys.push(...found);
    } while (cursor !== '0');
    return keys;
  } finally {
    redis.disconnect();
  }
}

/** Whether process `pid` still exists. */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The pid in a unit id such as "pid 4121" or "pid 4121 on host". */
export const pidOf = (unit: Unit): number => Number(/pid (\d+)/.exec(unit.id)?.[1]);

/** Pids of the processes whose parent is `pid`. */
export function childrenOf(pid: number): number[] {
  try {
    return execFileSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

export async function until(condition: () => boolean | Promise<boolean>, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** A queue worker started on its own (as `concur worker` would be), with the lines it printed. */
export interface StartedWorker {
  readonly process: ChildProcess;
  readonly lines: string[];
  stop(): Promise<void>;
}

export async function startWorker(prefix: string, url = broker ?? ''): Promise<StartedWorker> {
  const child = spawn(
    process.execPath,
    [new URL('./fixtures/worker.mjs', import.meta.url).pathname, url, prefix],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const lines: string[] = [];
  child.stdout?.setEncoding('utf8');
  child.stdout?.on('data', (text: string) => lines.push(...text.split('\n').filter(Boolean)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await until(() => lines.some((line) => line.includes('waiting for runs')), 20_000);
  return {
    process: child,
    lines,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** A Redis of the test's own, on a free loopback port, that the test can stop mid-run. */
export interface OwnRedis {
  readonly url: string;
  stop(): Promise<void>;
}

export async function startOwnRedis(): Promise<OwnRedis> {
  const { createServer } = await import('node:net');
  // A free port: let the kernel pick one, then hand it to redis-server.
  const port = await new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `redis://127.0.0.1:${port}`;
  const { probe } = await import('../src/broker.js');
  await until(async () => (await probe(url)) === undefined, 10_000);
  return {
    url,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}
