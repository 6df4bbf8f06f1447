/**
 * @concur/strategy-queue: units are BullMQ workers behind Redis. Each unit is a worker process of its own —
 * started here by the strategy, or a `concur worker` on any machine that reaches the broker — and every item
 * travels to it as a job and back as a published result, so a run shows what a job queue costs and gains
 * beside child processes and worker threads.
 */
import { defineStrategy } from '@concur/core';
import { probe } from './broker.js';
import { optionsProblem, parseOptions } from './options.js';
import { spawnQueueUnit } from './queue-unit.js';

export type { QueueOptions } from './options.js';

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
  unavailable: (options) => (optionsProblem(options) ? undefined : probe(parseOptions(options).broker)),
  spawn: (spec) => spawnQueueUnit(spec, parseOptions(spec.options)),
});
