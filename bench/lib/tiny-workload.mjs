// A workload of N items that cost nothing: what is left to measure is concur itself.
import { current } from './concur.mjs';
import { taskUrl } from './script.mjs';

export const tinyWorkload = (file = 'tiny.mjs') =>
  current.core.defineWorkload({
    name: 'bench-tiny',
    description: 'Items that return their input at once',
    kind: 'cpu',
    task: taskUrl(file),
    params: { items: { type: 'integer', default: 1, min: 1, description: 'How many items' } },
    inputs: (params) => Array.from({ length: Number(params.items) }, (_, i) => i),
  });
