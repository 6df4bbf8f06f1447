// One round of the cost of starting many async slots, in a fresh process: `items` items of a task that awaits
// one microtask, on `items` async slots (all in flight at once), through the engine's `runStrategy`. Prints
// one JSON line: the run's startupMs and wallMs, the process's CPU time over the run, and the time garbage
// collection took in it (from the perf_hooks "gc" entries), which a loaded machine moves less than wall time.
// With `"allocation": true`, also the bytes the run allocated (V8's sampling heap profiler, collected objects
// included), a figure load does not move at all.
//   node bench/probes/c10k-start.mjs '{"items":10000,"source":{"dir":"."}}'
import { Session } from 'node:inspector/promises';
import { PerformanceObserver, performance } from 'node:perf_hooks';
import { loadConcur } from '../lib/load.mjs';
import { taskUrl } from '../lib/script.mjs';

const job = JSON.parse(process.argv[2] ?? '{}');
const items = job.items ?? 10_000;
const { core, strategies } = await loadConcur(job.source?.dir ?? process.cwd(), { from: job.source?.from });
const task = taskUrl('tiny-async.mjs');

let gcMs = 0;
let gcCount = 0;
const observer = new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    gcMs += entry.duration;
    gcCount += 1;
  }
});
observer.observe({ entryTypes: ['gc'] });

const inputs = Array.from({ length: items }, (_, i) => i);
const session = job.allocation ? new Session() : undefined;
if (session) {
  session.connect();
  await session.post('HeapProfiler.enable');
  await session.post('HeapProfiler.startSampling', {
    samplingInterval: 1024,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  });
}
const cpuBefore = process.cpuUsage();
const started = performance.now();
const record = await core.runStrategy({
  strategy: strategies.async.strategy,
  task,
  inputs,
  concurrency: items,
});
const elapsedMs = performance.now() - started;
const cpu = process.cpuUsage(cpuBefore);
let allocatedMB;
if (session) {
  const { profile } = await session.post('HeapProfiler.stopSampling');
  const sum = (node) => node.selfSize + node.children.reduce((total, child) => total + sum(child), 0);
  allocatedMB = sum(profile.head) / 1e6;
  session.disconnect();
}
// Let the observer see the last entries.
await new Promise((resolve) => setTimeout(resolve, 10));
observer.disconnect();
if (record.items.failed > 0)
  throw new Error(`${record.items.failed} items failed; the figures would be void`);
console.log(
  JSON.stringify({
    startupMs: record.startupMs,
    wallMs: record.wallMs,
    elapsedMs,
    cpuMs: (cpu.user + cpu.system) / 1000,
    gcMs,
    gcCount,
    ...(allocatedMB !== undefined && { allocatedMB }),
  }),
);
