import { defineWorkload } from '@concur/core';
import { taskUrl } from '../task-url.js';
import { num, repeat } from './helpers.js';

export const cpuHash = defineWorkload({
  name: 'cpu-hash',
  description:
    'Native CPU work called synchronously from JavaScript: a chain of SHA-256 digests over a buffer',
  kind: 'cpu',
  task: taskUrl('cpu-hash'),
  params: {
    items: { type: 'integer', default: 8, min: 1, description: 'How many digest chains to compute' },
    bytes: {
      type: 'integer',
      default: 1_048_576,
      min: 1,
      description: 'Size of the hashed buffer, in bytes',
    },
    rounds: {
      type: 'integer',
      default: 400,
      min: 1,
      description:
        'Digests per item, each over the buffer and the previous digest (about 0.25 s at the defaults)',
    },
  },
  inputs: (params) =>
    repeat(num(params, 'items'), (seed) => ({
      seed,
      bytes: num(params, 'bytes'),
      rounds: num(params, 'rounds'),
    })),
});

export const cpuHashAsync = defineWorkload({
  name: 'cpu-hash-async',
  description: "Node's asynchronous crypto (pbkdf2 with a callback): the work runs on libuv's thread pool",
  kind: 'cpu',
  task: taskUrl('cpu-hash-async'),
  params: {
    items: { type: 'integer', default: 8, min: 1, description: 'How many keys to derive' },
    iterations: {
      type: 'integer',
      default: 400_000,
      min: 1,
      description: 'PBKDF2-SHA512 iterations per item (about 0.25 s at the default)',
    },
    steps: {
      type: 'integer',
      default: 10,
      min: 1,
      description: 'Split each item into this many pbkdf2 calls, for progress (each feeds the next)',
    },
  },
  inputs: (params) =>
    repeat(num(params, 'items'), (seed) => ({
      seed,
      iterations: num(params, 'iterations'),
      steps: num(params, 'steps'),
    })),
});
