/**
 * @concur/strategy-queue: units are BullMQ workers behind Redis. Each unit is a worker process of its own —
 * started here by the strategy, or a `concur worker` on any machine that reaches the broker — and every item
 * travels to it as a job and back as a published result, so a run shows what a job queue costs and gains
 * beside child processes and worker threads.
 */
import { defineStrategy } from '@concur/core';
import { optionsProblem, parseOptions } from './options.js';

export type { QueueOptions } from './options.js';

// An engine process (forked by concur, so it has an IPC channel) loads BullMQ's producer side with the
// strategy, before its run is measured, as the other strategies' engine-side code is: a run's start-up is
// then its units' own. The command itself (no IPC channel) loads it only if a unit or the broker is needed.
if (process.send) await import('./queue-unit.js');

export default defineStrategy({
  meta: { name: 'queue', version: '0.1.0', apiVersion: 1 },
  model: 'queue',
  summary:
    'Units are BullMQ workers behind Redis: a process each, on this machine or any that reaches the broker.',
  traits: {
    unit: 'Worker process behind a broker',
    memory: 'Independent, on any machine',
    parallel: true,
    execution: 'Parallelism',
    bestFor: 'work spread over machines, or that must survive a restart',
    pros: [
      'workers on any machine that reaches the broker join the same run',
      'a crash stays in its worker process',
    ],
    cons: ['a broker round trip per item', 'start-up and memory per worker process'],
  },
  defaultConcurrency: (cpus) => Math.max(1, cpus),
  itemsInFlight: (options) => parseOptions(options).inFlight,
  validateOptions: optionsProblem,
  // BullMQ and the Redis client load only when a unit starts or the broker is asked: every `concur` command
  // imports every strategy, and most of them never touch a queue.
  unavailable: async (options) => {
    if (optionsProblem(options)) return undefined;
    const { probe } = await import('./broker.js');
    return probe(parseOptions(options).broker);
  },
  spawn: async (spec) => {
    const { spawnQueueUnit } = await import('./queue-unit.js');
    return spawnQueueUnit(spec, parseOptions(spec.options));
  },
});
