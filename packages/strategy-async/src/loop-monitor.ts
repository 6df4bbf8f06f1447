import { createHistogram, type EventLoopUtilization, performance } from 'node:perf_hooks';
import type { UnitSample } from '@concur/core';

/**
 * The figures every slot reports: they describe the one event loop all slots share, so they are measured
 * once for the process (one delay histogram, not one per slot) and every slot returns the same sample.
 *
 * A monitoring session starts with the first slot and ends when the last slot closes gracefully; a kill
 * that leaves no slot keeps it going, because the engine starts a replacement at once and the delay the
 * killed item caused must stay in the figures.
 */
const RESOLUTION_MS = 10;
/** The engine may sample all 10,000 slots per frame: within this window they share one computed sample. */
const SAMPLE_REUSE_MS = 20;

/**
 * The same figure as `monitorEventLoopDelay` (the time between ticks of a 10 ms timer, so 10 ms when idle),
 * but primed when a session starts: Node's own monitor drops the interval before its first tick, and
 * the engine starts dispatching right after the spawns, so the first blocking item would go unseen.
 */
const histogram = createHistogram();
let ticker: NodeJS.Timeout | undefined;
let users = 0;
let active = false;
let startElu: EventLoopUtilization = performance.eventLoopUtilization();
let startCpu: NodeJS.CpuUsage = process.cpuUsage();
let cached: UnitSample | undefined;
let cachedAt = Number.NEGATIVE_INFINITY;

export function claimMonitor(): void {
  users += 1;
  if (active) return;
  active = true;
  histogram.reset();
  histogram.recordDelta();
  // One timer for the whole process, never one per slot; unref'd, it never keeps the engine alive.
  ticker = setInterval(() => histogram.recordDelta(), RESOLUTION_MS).unref();
  startElu = performance.eventLoopUtilization();
  startCpu = process.cpuUsage();
  cached = undefined;
}

export function releaseMonitor(graceful: boolean): void {
  users -= 1;
  if (users > 0 || !graceful || !active) return;
  cached = measure();
  cachedAt = Number.POSITIVE_INFINITY; // the session's last figures stay until the next session starts
  clearInterval(ticker);
  ticker = undefined;
  active = false;
}

/** The shared figures since the session started, recomputed at most every {@link SAMPLE_REUSE_MS}. */
export function sampleLoop(): UnitSample {
  const now = performance.now();
  if (cached && (now - cachedAt < SAMPLE_REUSE_MS || !active)) return cached;
  cached = measure();
  cachedAt = now;
  return cached;
}

function measure(): UnitSample {
  const cpu = process.cpuUsage(startCpu);
  const memory = process.memoryUsage();
  const elu = performance.eventLoopUtilization(startElu).utilization;
  // Before its first tick the histogram holds nothing and reports a huge minimum: leave delay out then.
  const delay =
    histogram.count > 0
      ? { loopDelayP50Ms: histogram.percentile(50) / 1e6, loopDelayP99Ms: histogram.percentile(99) / 1e6 }
      : {};
  return {
    scope: 'shared',
    cpuUserMs: cpu.user / 1000,
    cpuSystemMs: cpu.system / 1000,
    rssBytes: memory.rss,
    peakRssBytes: Math.max(memory.rss, process.resourceUsage().maxRSS * 1024),
    heapUsedBytes: memory.heapUsed,
    eventLoopUtilization: Number.isFinite(elu) ? Math.min(1, Math.max(0, elu)) : 0,
    ...delay,
  };
}
