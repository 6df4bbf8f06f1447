// concur's built-in workloads. The default export is the list concur discovers (see "concur" in
// package.json); each is also named here for direct use.
import type { Workload } from '@concur/core';
import { cpuHash, cpuHashAsync } from './workloads/cpu-hash.js';
import { cpuSum } from './workloads/cpu-sum.js';
import { fsRead } from './workloads/fs-read.js';
import { httpGet } from './workloads/http-get.js';
import { mixed } from './workloads/mixed.js';
import { articleCpu, articleIo, c10k } from './workloads/presets.js';
import { sleep } from './workloads/sleep.js';

export type { RunningServer, ServerOptions, ServerStats } from './server/start-server.js';
export { STATS_PATH, startServer } from './server/start-server.js';
export { httpServerService, pythonTaskUrl, taskUrl } from './task-url.js';
export { articleCpu, articleIo, c10k, cpuHash, cpuHashAsync, cpuSum, fsRead, httpGet, mixed, sleep };

const workloads: readonly Workload[] = [
  cpuSum,
  cpuHash,
  cpuHashAsync,
  httpGet,
  sleep,
  fsRead,
  mixed,
  articleCpu,
  articleIo,
  c10k,
];

export default workloads;
