/**
 * @concur/strategy-process: units are child processes (`child_process.fork`). Each has its own memory,
 * its own V8 and event loop, and runs in parallel with the others on as many cores as there are.
 */
import { defineStrategy } from '@concur/core';
import { optionsProblem, parseOptions } from './options.js';
import { spawnProcessUnit } from './process-unit.js';

export type { ProcessOptions } from './options.js';

export default defineStrategy({
  meta: { name: 'process', version: '0.1.0', apiVersion: 1 },
  model: 'process',
  summary: 'Units are child processes: own memory, own event loop, true parallelism across cores.',
  traits: {
    unit: 'Process',
    memory: 'Independent',
    parallel: true,
    execution: 'Parallelism',
    bestFor: 'CPU-bound work',
    pros: ['uses every core', 'a crash stays in its process'],
    cons: ['start-up cost', 'memory per unit', 'IPC copies'],
  },
  defaultConcurrency: (cpus) => Math.max(1, cpus),
  // A Node process of its own: its peak RSS on a small task, rounded up (bench: start-up and memory per unit).
  unitMemoryBytes: 50 * 1024 * 1024,
  itemsInFlight: (options) => parseOptions(options).inFlight,
  validateOptions: optionsProblem,
  spawn: (spec) => spawnProcessUnit(spec, parseOptions(spec.options)),
});
