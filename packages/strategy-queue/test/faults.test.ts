// Faults, as for the other strategies: each item is accounted for, a replacement unit takes over, the run
// finishes — and afterwards no key of the run is left in Redis and no worker process it started is running.
import { fork } from 'node:child_process';
import { runStrategy } from '@concur/core/orchestrate';
import { fixtureTasks } from '@concur/core/testkit';
import { describe, expect, it } from 'vitest';
import {
  alive,
  broker,
  fixture,
  keysUnder,
  loadStrategy,
  pidOf,
  startUnit,
  testPrefix,
  until,
} from './helpers.js';

const pidsOf = (units: readonly { id: string }[]) => units.map((u) => Number(/pid (\d+)/.exec(u.id)?.[1]));

describe.skipIf(!broker)('faults', () => {
  it('names the uncaught exception that ended a unit', async () => {
    const { unit } = await startUnit(fixture('throws-later.mjs'), { prefix: testPrefix('faults') });
    const outcome = await unit.run({ index: 0, input: 'late-boom' });
    expect(outcome).toMatchObject({
      ok: false,
      error: { kind: 'unit-exited', message: 'unit exited with code 1 after an uncaught Error: late-boom' },
    });
    expect((await unit.exited).code).toBe(1);
  });

  it('fails the item of a worker process killed from outside (SIGKILL) mid-item', async () => {
    const prefix = testPrefix('faults');
    const { unit } = await startUnit(fixture('sleeps.mjs'), { prefix });
    const running = unit.run({ index: 0, input: { ms: 20_000 } });
    await new Promise((resolve) => setTimeout(resolve, 300));
    process.kill(pidOf(unit), 'SIGKILL');
    expect(await running).toMatchObject({
      ok: false,
      error: {
        kind: 'unit-exited',
        message: "unit killed by SIGKILL (by the system's out-of-memory killer or another process)",
      },
    });
    expect(await unit.exited).toMatchObject({ code: null, signal: 'SIGKILL' });
    await until(async () => (await keysUnder(prefix)).length === 0);
  });

  it('replaces a worker process that dies mid-item and finishes the run', async () => {
    const prefix = testPrefix('faults');
    const record = await runStrategy({
      strategy: await loadStrategy(),
      task: fixture('kills-itself.mjs'),
      inputs: ['a', 'die', 'b', 'c', 'd', 'e'],
      // One unit: the rest of the run needs the replacement.
      concurrency: 1,
      options: { broker, prefix },
      keepValues: true,
    });
    expect(record.items).toEqual({ total: 6, done: 5, failed: 1 });
    expect(record.failures).toEqual([
      {
        index: 1,
        kind: 'unit-exited',
        message: "unit killed by SIGKILL (by the system's out-of-memory killer or another process)",
        unit: expect.any(Number),
      },
    ]);
    expect(record.replacements).toBe(1);
    expect(record.values).toEqual(['a', undefined, 'b', 'c', 'd', 'e']);
    expect(await keysUnder(prefix)).toEqual([]);
    for (const pid of pidsOf(record.units)) expect(alive(pid)).toBe(false);
  });

  it('kills and replaces a worker that hangs past the item timeout', async () => {
    const prefix = testPrefix('faults');
    const record = await runStrategy({
      strategy: await loadStrategy(),
      task: fixture('sleeps.mjs'),
      inputs: [{ ms: 10 }, { ms: 60_000 }, { ms: 10 }, { ms: 10 }],
      concurrency: 1,
      timeoutMs: 1_500,
      options: { broker, prefix },
    });
    expect(record.items).toEqual({ total: 4, done: 3, failed: 1 });
    expect(record.failures[0]).toMatchObject({ index: 1, kind: 'timeout' });
    expect(record.replacements).toBe(1);
    expect(await keysUnder(prefix)).toEqual([]);
    for (const pid of pidsOf(record.units)) expect(alive(pid)).toBe(false);
  });

  it('returns a task error as that item’s failure and runs the rest', async () => {
    const prefix = testPrefix('faults');
    const record = await runStrategy({
      strategy: await loadStrategy(),
      task: fixtureTasks.throws,
      inputs: ['x', 'y'],
      concurrency: 1,
      options: { broker, prefix },
    });
    expect(record.items).toEqual({ total: 2, done: 0, failed: 2 });
    expect(record.failures.map((f) => f.kind)).toEqual(['threw', 'threw']);
    expect(record.replacements).toBe(0);
  });
});

describe.skipIf(!broker)('clean-up', () => {
  it('leaves no key after an engine that died without a word: its unit removes them and exits', async () => {
    const prefix = testPrefix('cleanup');
    const engine = fork(
      new URL('./fixtures/engine-dies.mjs', import.meta.url).pathname,
      [broker ?? '', prefix, fixture('sleeps.mjs'), 'local'],
      { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] },
    );
    let printed = '';
    engine.stdout?.on('data', (chunk: Buffer) => {
      printed += chunk.toString();
    });
    await new Promise((resolve) => engine.once('exit', resolve));
    const unitPid = Number(/pid (\d+)/.exec(printed)?.[1]);
    expect(unitPid).toBeGreaterThan(0);
    await until(() => !alive(unitPid), 10_000);
    await until(async () => (await keysUnder(prefix)).length === 0, 5_000);
  });

  it('leaves no key and no worker process after a run', async () => {
    const prefix = testPrefix('cleanup');
    const record = await runStrategy({
      strategy: await loadStrategy(),
      task: fixtureTasks.echo,
      inputs: Array.from({ length: 50 }, (_, i) => i),
      concurrency: 2,
      options: { broker, prefix, inFlight: 8 },
    });
    expect(record.items.done).toBe(50);
    expect(await keysUnder(prefix)).toEqual([]);
    for (const pid of pidsOf(record.units)) expect(alive(pid)).toBe(false);
  });

  it('leaves no key and no worker process after a cancelled run', async () => {
    const prefix = testPrefix('cleanup');
    const controller = new AbortController();
    const running = runStrategy({
      strategy: await loadStrategy(),
      task: fixture('sleeps.mjs'),
      inputs: Array.from({ length: 8 }, () => ({ ms: 30_000 })),
      concurrency: 2,
      options: { broker, prefix, inFlight: 2 },
      signal: controller.signal,
      onLive: (live) => {
        const started = setInterval(() => {
          if (live.snapshot(8).units.filter((u) => u.inFlight > 0).length === 2) {
            clearInterval(started);
            controller.abort();
          }
        }, 50);
      },
    });
    const record = await running;
    expect(record.cancelled).toBe(true);
    // The four in flight fail as cancelled; the four never handed out are not run.
    expect(record.failures.map((f) => f.kind)).toEqual(['cancelled', 'cancelled', 'cancelled', 'cancelled']);
    expect(await keysUnder(prefix)).toEqual([]);
    for (const pid of pidsOf(record.units)) expect(alive(pid)).toBe(false);
  });
});
