/**
 * @concur/strategy-thread — units are worker threads. Each has its own V8 isolate and event loop, so
 * CPU-bound items run truly in parallel on several cores, while memory is shared only on purpose
 * (SharedArrayBuffer: the progress board is one).
 */
import { defineStrategy } from '@concur/core';
import { readThreadOptions, threadOptionsProblem } from './options.js';
import { spawnThreadUnit } from './thread-unit.js';

export type { ThreadOptions } from './options.js';

export default defineStrategy({
  meta: { name: 'thread', version: '0.1.0', apiVersion: 1 },
  model: 'thread',
  summary: 'Units are worker threads: an isolate and event loop each, CPU-bound work in true parallel.',
  traits: {
    unit: 'Thread',
    memory: 'One process, a heap per thread, shared buffers on purpose',
    parallel: true,
    execution: 'Parallelism',
    bestFor: 'CPU-bound work with cheap start-up',
    pros: [
      'Truly parallel: no global interpreter lock, unlike CPython threads',
      'Starts faster and uses less memory than a child process',
      'Memory can be shared on purpose (SharedArrayBuffer, transferred ArrayBuffers)',
    ],
    cons: [
      'Inputs and outputs are copied by structured clone',
      'Shared fate: every thread lives in one process, so a fatal native crash takes them all',
    ],
  },
  defaultConcurrency: (cpus) => Math.max(1, cpus),
  // A worker thread's own isolate and heap, as the engine's RSS grows per thread on a small task.
  unitMemoryBytes: 10 * 1024 * 1024,
  itemsInFlight: (options) => readThreadOptions(options).inFlight,
  validateOptions: threadOptionsProblem,
  spawn: (spec) => spawnThreadUnit(spec, readThreadOptions(spec.options)),
});
