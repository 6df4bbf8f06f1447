import type { UnitSample } from '../contract/strategy.js';

/** CPU time, memory and peak memory of this whole process, CPU counted from `since` (default: its start). */
export function processFigures(
  since?: NodeJS.CpuUsage,
): Required<Pick<UnitSample, 'cpuUserMs' | 'cpuSystemMs' | 'rssBytes' | 'peakRssBytes' | 'heapUsedBytes'>> {
  const cpu = process.cpuUsage(since);
  const memory = process.memoryUsage();
  return {
    cpuUserMs: cpu.user / 1000,
    cpuSystemMs: cpu.system / 1000,
    rssBytes: memory.rss,
    // `maxRSS` is in kilobytes.
    peakRssBytes: Math.max(memory.rss, process.resourceUsage().maxRSS * 1024),
    heapUsedBytes: memory.heapUsed,
  };
}
