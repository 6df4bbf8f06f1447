import { performance } from 'node:perf_hooks';
import type { UnitSample } from '@concur/core/runtime';

/**
 * This process's own figures, cumulative since it started: what a unit reports through the broker. A unit is a
 * process of its own, started for that unit alone, here or on a remote worker's machine.
 */
export function sampleSelf(): UnitSample {
  const cpu = process.cpuUsage();
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
