// Synthetic run records and report inputs for the report tests: figures chosen so that summaries can be
// checked by hand.
import type { RunRecord } from '../src/engine/run-record.js';
import type { ReportInput } from '../src/report/build.js';

/** A finished run of 10 items; CPU time is `cpuCores` × wall, so utilisation is exactly `cpuCores`. */
export function makeRun(
  strategy: string,
  run: number,
  wallMs: number,
  overrides: Partial<RunRecord> & { cpuCores?: number } = {},
): RunRecord {
  const { cpuCores = 1, ...rest } = overrides;
  const concurrency = rest.concurrency ?? (strategy === 'baseline' ? 1 : 2);
  return {
    strategy,
    run,
    warmup: false,
    concurrency,
    wallMs,
    startupMs: 5,
    cpu: { userMs: wallMs * cpuCores * 0.9, systemMs: wallMs * cpuCores * 0.1 },
    peakRssBytes: 50 * 1024 * 1024,
    items: { total: 10, done: 10, failed: 0 },
    latencyMs: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
    serviceMs: [1, 1, 1, 1, 1, 2, 2, 2, 2, 2],
    failures: [],
    replacements: 0,
    units: [{ slot: 0, id: 'slot 0', items: 10, failures: 0, end: 'closed', sample: { scope: 'shared' } }],
    loopDelay: { p50Ms: 10, p99Ms: 12, maxMs: 20 },
    output: [],
    outputTruncated: false,
    cancelled: false,
    ...rest,
  };
}

/** A comparison with a baseline, a thread strategy twice as fast, and an async strategy as slow as the baseline. */
export function sampleInput(): ReportInput {
  return {
    machine: {
      cpus: 2,
      cpuModel: 'Test CPU @ 3.00GHz',
      totalMemoryBytes: 8 * 1024 ** 3,
      node: 'v20.11.1',
      v8: '11.3.244.8-node.17',
      platform: 'linux',
      release: '6.1.0',
      arch: 'x64',
    },
    createdAt: new Date('2024-05-01T12:00:00Z'),
    workload: {
      name: 'cpu-sum',
      description: 'Sums primes | a CPU-bound task',
      kind: 'cpu',
      task: 'file:///tasks/cpu-sum.mjs',
      params: { size: 100_000, 'chunk-size': 'large', verify: true },
      items: 10,
    },
    settings: {
      concurrency: [2],
      runs: 2,
      warmup: 1,
      timeoutMs: 30_000,
      strategies: ['thread', 'async'],
      strategyOptions: { thread: { heapMb: 64 }, async: {} },
    },
    traits: [
      {
        name: 'thread',
        model: 'thread',
        summary: 'worker_threads',
        traits: {
          unit: 'Thread',
          memory: 'Independent heaps, shared buffers',
          parallel: true,
          execution: 'Parallelism',
          bestFor: 'CPU-bound work',
          pros: ['Uses every core', 'cheap messages'],
          cons: ['Start-up cost'],
        },
      },
      {
        name: 'async',
        model: 'async',
        summary: 'one event loop',
        traits: {
          unit: 'Coroutine',
          memory: 'Shared (single thread)',
          parallel: false,
          execution: 'Concurrency',
          bestFor: 'Highly concurrent I/O',
          pros: ['Low overhead'],
          cons: ['Not for CPU-bound work'],
        },
      },
    ],
    services: [{ name: 'server', cpuUserMs: 12, cpuSystemMs: 3 }],
    runs: [
      makeRun('baseline', 1, 990),
      makeRun('baseline', 2, 1010),
      makeRun('thread', 1, 4000, { warmup: true }),
      makeRun('thread', 1, 495, { cpuCores: 2 }),
      makeRun('async', 1, 1000),
      makeRun('thread', 2, 505, {
        cpuCores: 2,
        latencyMs: [1, 2, 3, Number.NaN, 5, 6, 7, 8, 9, 10],
        items: { total: 10, done: 9, failed: 1 },
        failures: [{ index: 3, kind: 'threw', message: 'Error: bad "input", try again', unit: 1 }],
      }),
      makeRun('async', 2, 1020),
    ],
  };
}
