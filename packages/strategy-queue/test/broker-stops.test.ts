// The broker going away in the middle of a run: the items in flight fail saying so, the run finishes. The
// test stops a Redis of its own (on another loopback port), never the shared one.
import { runStrategy } from '@concur/core/orchestrate';
import { afterAll, describe, expect, it } from 'vitest';
import { alive, broker, fixture, loadStrategy, type OwnRedis, startOwnRedis } from './helpers.js';

describe.skipIf(!broker)('the broker stops mid-run', () => {
  let redis: OwnRedis | undefined;
  afterAll(() => redis?.stop());

  it('fails the items in flight with the reason, and the rest once no unit can start', async () => {
    redis = await startOwnRedis();
    const own = redis;
    let stopped = false;
    const record = await runStrategy({
      strategy: await loadStrategy(),
      task: fixture('sleeps.mjs'),
      inputs: Array.from({ length: 8 }, () => ({ ms: 20_000 })),
      concurrency: 2,
      options: { broker: own.url, inFlight: 2 },
      onLive: (live) => {
        const watch = setInterval(() => {
          if (!stopped && live.snapshot(8).units.filter((u) => u.inFlight === 2).length === 2) {
            stopped = true;
            clearInterval(watch);
            void own.stop();
          }
        }, 50);
      },
    });
    expect(stopped).toBe(true);
    expect(record.items).toEqual({ total: 8, done: 0, failed: 8 });
    const lost = record.failures.filter((f) => f.kind === 'unit-exited');
    expect(lost).toHaveLength(4);
    for (const failure of lost)
      expect(failure.message).toBe(
        `unit lost its broker: the broker at ${own.url} went away (its connection closed)`,
      );
    const never = record.failures.filter((f) => f.kind === 'spawn-failed');
    expect(never).toHaveLength(4);
    expect(record.aborted).toContain(`no Redis at ${own.url}: start one or pass --option queue.broker=URL`);
    for (const unit of record.units) expect(alive(Number(/pid (\d+)/.exec(unit.id)?.[1]))).toBe(false);
  });
});
