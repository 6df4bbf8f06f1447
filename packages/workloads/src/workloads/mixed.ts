import { defineWorkload } from '@concur/core';
import { taskUrl } from '../task-url.js';
import { httpParams, loopbackServer, num, repeat, targetUrl } from './helpers.js';

export const mixed = defineWorkload({
  name: 'mixed',
  description: 'Each item downloads a body, then runs a JavaScript checksum over it: waiting, then computing',
  kind: 'mixed',
  task: taskUrl('mixed'),
  params: {
    items: { type: 'integer', default: 20, min: 1, description: 'How many download-then-compute items' },
    passes: {
      type: 'integer',
      default: 500,
      min: 1,
      description: 'Checksum passes over each body (about 80 ms of CPU for a 64 KiB body)',
    },
    ...httpParams,
    bodyBytes: { ...httpParams.bodyBytes, default: 65_536 },
  },
  services: { server: loopbackServer },
  inputs(params, services) {
    const url = targetUrl(params, services);
    const passes = num(params, 'passes');
    return repeat(num(params, 'items'), () => ({ url, keepAlive: Boolean(params.keepAlive), passes }));
  },
});
