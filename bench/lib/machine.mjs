// The machine the figures come from, and whether it was busy with other work while they were taken.
import { availableParallelism, cpus, loadavg, platform, release, totalmem } from 'node:os';

export function describeMachine() {
  const model = cpus()[0]?.model?.trim() || 'unknown CPU';
  return {
    cores: availableParallelism(),
    model,
    node: process.version,
    os: `${platform()} ${release()}`,
    memoryGiB: Math.round(totalmem() / 1024 ** 3),
    load: loadavg(),
  };
}

/** Shared: more runnable work than cores on average over the last minute. */
export const wasShared = (load, cores) => load[0] > cores;

export const formatLoad = (load) => load.map((l) => l.toFixed(2)).join(', ');
