// Remote workers: started on their own (as `concur worker` is on another machine), they join a run from the
// lobby. A worker whose machine vanishes is noticed by BullMQ's stalled-job check; an engine that vanishes
// is noticed by its worker, which removes the unit's keys itself.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { runStrategy } from '@concur/core/orchestrate';
import { fixtureTasks, makeSpec } from '@concur/core/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import {
  alive,
  broker,
  fixture,
  keysUnder,
  loadStrategy,
  type StartedWorker,
  startWorker,
  testPrefix,
  until,
} from './helpers.js';

const parentOf = (pid: number): number =>
  Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ')[1]);

describe.skipIf(!broker)('remote workers', () => {
  let workers: StartedWorker[] = [];
  afterEach(async () => {
    await Promise.all(workers.map((worker) => worker.stop()));
    workers = [];
  });

  it('serve a run and go back to the lobby for the next', async () => {
    const prefix = testPrefix('remote');
    workers = await Promise.all([startWorker(prefix), startWorker(prefix)]);
    for (const run of [1, 2]) {
      const record = await runStrategy({
        strategy: await loadStrategy(),
        task: fixtureTasks.echo,
        inputs: Array.from({ length: 40 }, (_, i) => i),
        concurrency: 2,
        run,
        options: { broker, prefix, workers: 'remote', inFlight: 4 },
      });
      expect(record.items).toEqual({ total: 40, done: 40, failed: 0 });
      expect(record.units.map((u) => u.id)).toEqual([
        expect.stringMatching(/^pid \d+ on /),
        expect.stringMatching(/^pid \d+ on /),
      ]);
      expect(record.units.every((u) => u.sample?.scope === 'process' && (u.sample.cpuUserMs ?? 0) > 0)).toBe(
        true,
      );
      expect(await keysUnder(prefix)).toEqual([]);
    }
    for (const worker of workers) expect(worker.lines.filter((l) => l.includes(' closed'))).toHaveLength(2);
  });

  it('say within the join timeout that no worker came, and how to start one', async () => {
    const prefix = testPrefix('remote');
    const strategy = await loadStrategy();
    await expect(
      strategy.spawn(
        makeSpec(fixtureTasks.echo, { options: { broker, prefix, workers: 'remote', joinTimeout: '1s' } }),
      ),
    ).rejects.toThrow(
      `no remote queue worker joined within 1 s: none listens at ${broker} (prefix ${prefix}); start one with \`concur worker --broker ${broker} --queue-prefix ${prefix}\` where the task module is, or use --option queue.workers=local`,
    );
    expect(await keysUnder(prefix)).toEqual([]);
  });

  it('notice a worker whose machine vanishes mid-item (stalled job), and go on with another', async () => {
    const prefix = testPrefix('remote');
    workers = [await startWorker(prefix)];
    let vanished: number[] = [];
    const record = await runStrategy({
      strategy: await loadStrategy(),
      task: fixture('sleeps.mjs'),
      inputs: [{ ms: 10 }, { ms: 30_000 }, { ms: 10 }],
      concurrency: 1,
      options: { broker, prefix, workers: 'remote', lockDuration: '1s' },
      onLive: (live) => {
        const watch = setInterval(() => {
          const row = live.snapshot(1).units[0];
          if (vanished.length > 0 || !row?.id || row.done < 1 || row.inFlight !== 1) return;
          clearInterval(watch);
          // The whole machine: the unit's process and the worker that serves it, without a word.
          const unitPid = Number(/pid (\d+)/.exec(row.id)?.[1]);
          vanished = [unitPid, parentOf(unitPid)];
          for (const pid of vanished) process.kill(pid, 'SIGKILL');
          // Another machine's worker, to take the replacement unit.
          void startWorker(prefix).then((worker) => workers.push(worker));
        }, 20);
      },
    });
    expect(vanished).toHaveLength(2);
    expect(record.items).toEqual({ total: 3, done: 2, failed: 1 });
    expect(record.failures[0]).toMatchObject({
      index: 1,
      kind: 'unit-exited',
      message:
        "unit stopped renewing its job's lock for 1 s and its worker does not answer (BullMQ's stalled-job check): its machine or process is gone",
    });
    expect(record.replacements).toBe(1);
    expect(await keysUnder(prefix)).toEqual([]);
  });

  it('keep a unit whose item blocks its loop past the lock: its worker says it is alive', async () => {
    const prefix = testPrefix('remote');
    workers = [await startWorker(prefix)];
    const record = await runStrategy({
      strategy: await loadStrategy(),
      task: fixture('spins.mjs'),
      inputs: [{ ms: 3_000 }, { ms: 10 }],
      concurrency: 1,
      options: { broker, prefix, workers: 'remote', lockDuration: '500ms' },
    });
    expect(record.items).toEqual({ total: 2, done: 2, failed: 0 });
    expect(record.replacements).toBe(0);
  });

  it('clean up after an engine that died without a word, and kill its unit', async () => {
    const prefix = testPrefix('remote');
    workers = [await startWorker(prefix)];
    const { stdout } = await promisify(execFile)(process.execPath, [
      new URL('./fixtures/engine-dies.mjs', import.meta.url).pathname,
      broker ?? '',
      prefix,
      fixture('sleeps.mjs'),
    ]).catch((error: { stdout: string }) => error);
    const unitPid = Number(/pid (\d+)/.exec(stdout)?.[1]);
    expect(unitPid).toBeGreaterThan(0);
    await until(
      () => workers[0]?.lines.some((l) => l.includes('stopped: its engine went away')) ?? false,
      15_000,
    );
    expect(alive(unitPid)).toBe(false);
    await until(async () => (await keysUnder(prefix)).length === 0, 5_000);
  });
});
