import { defineWorkload } from '@concur/core';
import { pythonTaskUrl, taskUrl } from '../task-url.js';
import { num, repeat } from './helpers.js';

export const fsRead = defineWorkload({
  name: 'fs-read',
  description:
    "Writes a file in a temporary folder, reads it back and deletes it: file I/O on libuv's thread pool",
  kind: 'io',
  task: taskUrl('fs-read'),
  tasks: { python: pythonTaskUrl('fs_read') },
  params: {
    items: { type: 'integer', default: 100, min: 1, description: 'How many files to write and read' },
    bytes: { type: 'integer', default: 16_384, min: 1, description: 'Size of each file, in bytes' },
  },
  inputs: (params) => repeat(num(params, 'items'), (index) => ({ index, bytes: num(params, 'bytes') })),
});
