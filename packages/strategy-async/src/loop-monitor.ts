import { type EventLoopUtilization, performance } from 'node:perf_hooks';
import { LoopDelay, processFigures, type UnitSample } from '@concur/core/runtime';

/**
 * The figures every slot reports: they describe the one event loop all slots share, so they are measured
 * once for the process (one delay histogram, not one per slot) and every slot returns the same sample.
 *
 * A monitoring session starts with the first slot and ends when the last slot closes gracefully; a kill
 * that leaves no slot keeps it going, because the engine starts a replacement at once and the delay the
 * killed item caused must stay in the figures.
 */
/** The engine may sample all 10,000 slots per frame: within this window they share one computed sample. */
const SAMPLE_REUSE_MS = 20;

/** The kit's loop-delay measure, the same figure the engine reports for its own loop. */
let delay: LoopDelay | undefined;
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
  // One measure for the whole process, never one per slot.
  delay = new LoopDelay();
  startElu = performance.eventLoopUtilization();
  startCpu = process.cpuUsage();
  cached = undefined;
}

export function releaseMonitor(graceful: boolean): void {
  users -= 1;
  if (users > 0 || !graceful || !active) return;
  cached = measure();
  cachedAt = Number.POSITIVE_INFINITY; // the session's last figures stay until the next session starts
  delay?.stop();
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
  const elu = performance.eventLoopUtilization(startElu).utilization;
  const figures = delay?.read();
  return {
    scope: 'shared',
    ...processFigures(startCpu),
    eventLoopUtilization: Number.isFinite(elu) ? Math.min(1, Math.max(0, elu)) : 0,
    ...(figures && { loopDelayP50Ms: figures.p50Ms, loopDelayP99Ms: figures.p99Ms }),
  };
}
