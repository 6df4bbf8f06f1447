import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defineWorkload, type Strategy } from '../src/index.js';
import type { StrategyChoice } from '../src/orchestrate/compare.js';
import { type CompareEvent, compare } from '../src/orchestrate/index.js';
import { fixtureTasks } from '../src/testkit/index.js';

const inProcessUrl = new URL('./fixtures/strategies/in-process.mjs', import.meta.url).href;
const inProcess = ((await import(inProcessUrl)) as { default: Strategy }).default;
const choice: StrategyChoice = { name: 'in-process', moduleUrl: inProcessUrl, strategy: inProcess };

const echoWorkload = defineWorkload({
  name: 'echo',
  description: 'echo',
  kind: 'cpu',
  task: fixtureTasks.echo,
  params: {},
  inputs: () => [1, 2, 3, 4],
});

describe('compare', () => {
  it('interleaves runs across strategies and measures each in an engine process of its own', async () => {
    const events: CompareEvent[] = [];
    const result = await compare({
      workload: echoWorkload,
      params: {},
      strategies: [choice],
      runs: 2,
      warmup: 1,
      onEvent: (e) => events.push(e),
    });
    expect(result.runs.map((r) => `${r.strategy}${r.warmup ? '(w)' : ''}#${r.run}`)).toEqual([
      'baseline(w)#1',
      'in-process(w)#1',
      'baseline#1',
      'in-process#1',
      'baseline#2',
      'in-process#2',
    ]);
    expect(result.runs.every((r) => r.items.done === 4)).toBe(true);
    // Never more units than items: the default (2) is kept, the baseline has one.
    expect(result.runs.map((r) => r.concurrency)).toEqual([1, 2, 1, 2, 1, 2]);
    const engines = new Set(result.runs.map((r) => r.units[0]?.id));
    expect(engines.has(`pid ${process.pid}`)).toBe(false);
    expect(events.filter((e) => e.type === 'run-end')).toHaveLength(6);
    expect(events.some((e) => e.type === 'snapshot')).toBe(true);
  });

  it('sweeps concurrency levels', async () => {
    const result = await compare({
      workload: echoWorkload,
      params: {},
      strategies: [choice],
      concurrency: [1, 3],
      runs: 1,
      baseline: false,
    });
    expect(result.runs.map((r) => r.concurrency)).toEqual([1, 3]);
  });

  it('starts the workload’s services in processes of their own, hands their info to inputs, stops them after', async () => {
    const stoppedFile = join(mkdtempSync(join(tmpdir(), 'concur-service-')), 'stopped');
    let seen: Record<string, unknown> | undefined;
    const workload = defineWorkload({
      ...echoWorkload,
      services: {
        counter: {
          module: new URL('./fixtures/services/counter-service.mjs', import.meta.url).href,
          options: () => ({ greeting: 'hi', stoppedFile }),
        },
      },
      inputs: (_params, services) => {
        seen = services.counter;
        return [1];
      },
    });
    const result = await compare({ workload, params: {}, strategies: [], runs: 1 });
    expect(seen?.greeting).toBe('hi');
    expect(seen?.pid).not.toBe(process.pid);
    expect(existsSync(stoppedFile)).toBe(true);
    expect(result.services.counter?.cpuUserMs).toBeGreaterThan(0);
  });

  it('stops a run whose engine loop stays blocked and reports it as failed', async () => {
    const workload = defineWorkload({
      ...echoWorkload,
      task: new URL('./fixtures/tasks/spin.mjs', import.meta.url).href,
      inputs: () => [60_000],
    });
    const result = await compare({
      workload,
      params: {},
      strategies: [],
      runs: 1,
      timeoutMs: 200,
      stallMs: 1_000,
    });
    const [record] = result.runs;
    expect(record?.aborted).toMatch(/event loop was blocked/);
    expect(record?.items.failed).toBe(1);
  }, 30_000);

  it('stops a run whose task never yields even though it keeps reporting progress', async () => {
    const workload = defineWorkload({
      ...echoWorkload,
      task: new URL('./fixtures/tasks/spin-progress.mjs', import.meta.url).href,
      inputs: () => [60_000],
    });
    const started = Date.now();
    const result = await compare({
      workload,
      params: {},
      strategies: [],
      runs: 1,
      timeoutMs: 200,
      stallMs: 1_000,
    });
    expect(result.runs[0]?.aborted).toMatch(/event loop was blocked/);
    expect(Date.now() - started).toBeLessThan(15_000);
  }, 30_000);

  it('stops after the current run when cancelled and says so', async () => {
    const controller = new AbortController();
    const slow = defineWorkload({
      ...echoWorkload,
      task: fixtureTasks.interval,
      inputs: () => [{ ms: 5_000 }],
    });
    setTimeout(() => controller.abort(), 500);
    const result = await compare({
      workload: slow,
      params: {},
      strategies: [choice],
      runs: 3,
      signal: controller.signal,
    });
    expect(result.cancelled).toBe(true);
    expect(result.runs).toHaveLength(1);
    expect(result.runs[0]?.cancelled).toBe(true);
  });

  it('reports a run whose engine had to be killed while cancelling as cancelled, not crashed', async () => {
    const controller = new AbortController();
    const spin = defineWorkload({
      ...echoWorkload,
      task: new URL('./fixtures/tasks/spin-progress.mjs', import.meta.url).href,
      inputs: () => [60_000],
    });
    let cancelledAt = 0;
    const result = await compare({
      workload: spin,
      params: {},
      strategies: [],
      runs: 1,
      signal: controller.signal,
      // Cancel once the item is running and blocking the engine's loop, however long the engine took to start.
      onEvent: (e) => {
        if (e.type === 'snapshot' && e.snapshot.inFlight > 0 && !cancelledAt) {
          cancelledAt = Date.now();
          controller.abort();
        }
      },
    });
    expect(Date.now() - cancelledAt).toBeLessThan(5_000);
    const [record] = result.runs;
    expect(record?.cancelled).toBe(true);
    expect(record?.failures.map((f) => f.kind)).toEqual(['cancelled']);
    expect(result.cancelled).toBe(true);
  });
});
