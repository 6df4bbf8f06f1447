import { defineWorkload } from '@concur/core';
import { pythonTaskUrl, taskUrl } from '../task-url.js';
import { num, repeat } from './helpers.js';

export const cpuSum = defineWorkload({
  name: 'cpu-sum',
  description: "The article's CPU-bound loop: count += i for every i below n, once per item",
  kind: 'cpu',
  task: taskUrl('cpu-sum'),
  tasks: { python: pythonTaskUrl('cpu_sum') },
  params: {
    items: { type: 'integer', default: 4, min: 1, description: 'How many times to run the loop' },
    n: {
      type: 'integer',
      default: 1_000_000_000,
      min: 1,
      description: 'Iterations per item; the default takes about a second on a current machine',
    },
  },
  inputs: (params) => repeat(num(params, 'items'), () => num(params, 'n')),
});
