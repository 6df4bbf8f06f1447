import { defineWorkload } from '@concur/core';
import { pythonTaskUrl, taskUrl } from '../task-url.js';
import { httpParams, loopbackServer, num, repeat, targetUrl } from './helpers.js';

export const httpGet = defineWorkload({
  name: 'http-get',
  description:
    "The article's I/O-bound download: each item is one HTTP GET, by default to concur's loopback server",
  kind: 'io',
  task: taskUrl('http-get'),
  tasks: { python: pythonTaskUrl('http_get') },
  params: {
    items: { type: 'integer', default: 100, min: 1, description: 'How many GET requests to make' },
    ...httpParams,
  },
  services: { server: loopbackServer },
  inputs(params, services) {
    const url = targetUrl(params, services);
    return repeat(num(params, 'items'), () => ({ url, keepAlive: Boolean(params.keepAlive) }));
  },
});
