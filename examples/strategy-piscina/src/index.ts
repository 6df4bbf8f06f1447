/**
 * concur-strategy-piscina — a strategy plugin written the way a third party would write one: its units
 * are backed by the piscina worker pool, so it can be raced beside concur's own `thread` strategy.
 */
import { defineStrategy } from '@concur/core';
import { optionsProblem, readOptions } from './options.js';
import { PoolUnit } from './pool-unit.js';

export type { PiscinaOptions } from './options.js';

export default defineStrategy({
  // The contract version this plugin was written against: a literal, so a future concur can refuse it.
  meta: { name: 'piscina', version: '0.1.0', apiVersion: 1 },
  model: 'thread',
  summary:
    'Units are piscina pools of one worker thread each: the pool library raced against concur’s threads.',
  traits: {
    unit: 'Thread (a piscina pool of one)',
    memory: 'One process, a heap per thread',
    parallel: true,
    execution: 'Parallelism',
    bestFor: 'CPU-bound work, when piscina is already in your stack',
    pros: [
      'Truly parallel on several cores',
      'piscina hands tasks over through shared memory and Atomics (atomics: sync)',
    ],
    cons: [
      'What a task prints is not captured: it goes to the process’s own output',
      'An output that cannot be cloned crashes the worker (piscina rethrows it there)',
      'Inputs and outputs are copied by structured clone',
    ],
  },
  defaultConcurrency: (cpus) => Math.max(1, cpus),
  validateOptions: optionsProblem,
  spawn: (spec) => PoolUnit.start(spec, readOptions(spec.options)),
});
