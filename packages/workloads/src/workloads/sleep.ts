import { defineWorkload } from '@concur/core';
import { pythonTaskUrl, taskUrl } from '../task-url.js';
import { num, repeat } from './helpers.js';

export const sleep = defineWorkload({
  name: 'sleep',
  description: 'Pure waiting on a timer: the idealised I/O-bound item, no CPU, no thread pool',
  kind: 'io',
  task: taskUrl('sleep'),
  tasks: { python: pythonTaskUrl('sleep') },
  params: {
    items: { type: 'integer', default: 100, min: 1, description: 'How many waits' },
    ms: { type: 'integer', default: 100, min: 0, description: 'How long each item waits, in ms' },
  },
  inputs: (params) => repeat(num(params, 'items'), () => num(params, 'ms')),
});
