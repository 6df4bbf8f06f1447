// The article's own experiments, as ready presets of the workloads above.
import { cpuSum } from './cpu-sum.js';
import { preset } from './helpers.js';
import { httpGet } from './http-get.js';

export const articleCpu = preset(
  cpuSum,
  'article-cpu',
  "The article's CPU experiment: 4 items of the summing loop, about a second each",
  { items: 4 },
);

export const articleIo = preset(
  httpGet,
  'article-io',
  "The article's I/O experiment: 5 downloads, here from concur's loopback server at 100 ms latency",
  { items: 5 },
);

export const c10k = preset(
  httpGet,
  'c10k',
  '10,000 GETs at 100 ms latency: race them 10,000 at a time (e.g. --concurrency 10000) to see which model holds them',
  { items: 10_000, latencyMs: 100 },
);
