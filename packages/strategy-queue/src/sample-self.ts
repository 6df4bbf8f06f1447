import { performance } from 'node:perf_hooks';
import type { UnitSample } from '@concur/core/runtime';

/** CPU time before the unit started: a remote worker's spare process loads everything before it has a unit. */
let before: NodeJS.CpuUsage = { user: 0, system: 0 };

/** The unit starts now: CPU time counts from here. */
export function startsNow(): void {
  before = process.cpuUsage();
}

/**
 * This process's own figures, cumulative since its unit started: what a unit reports through the broker. A
 * unit is a process of its own, serving that unit alone, here or on a remote worker's machine.
 */
export function sampleSelf(): UnitSample {
  const cpu = process.cpuUsage(before);
  const memory = process.memoryUsage();
  return {
    scope: 'process',
    cpuUserMs: cpu.user / 1000,
    cpuSystemMs: cpu.system / 1000,
    rssBytes: memory.rss,
    // `maxRSS` is in kilobytes.
    peakRssBytes: Math.max(memory.rss, process.resourceUsage().maxRSS * 1024),
    heapUsedBytes: memory.heapUsed,
    eventLoopUtilization: performance.eventLoopUtilization().utilization,
  };
}
