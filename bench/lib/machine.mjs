// The machine the figures come from, whether it was busy with other work while they were taken, and the
// article's item calibrated to it.
import { execFileSync } from 'node:child_process';
import { availableParallelism, cpus, loadavg, platform, release, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import { sum } from '../tasks/work.mjs';

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

/** The commit a checkout is at ("4da4fd8", with "+ changes" when its tracked files differ), or undefined. */
export function commitOf(dir) {
  try {
    const git = (...args) => execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8' }).trim();
    const head = git('rev-parse', '--short', 'HEAD');
    return git('status', '--porcelain', '--untracked-files=no') ? `${head} + changes` : head;
  } catch {
    return undefined;
  }
}

/** n for the summing loop such that one item takes about `targetMs` on this machine right now. */
export function calibrate(targetMs) {
  const probe = 20_000_000;
  sum(probe); // let the JIT compile it first
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 3; i += 1) {
    const start = performance.now();
    sum(probe);
    best = Math.min(best, performance.now() - start);
  }
  return { n: Math.round((probe * targetMs) / best), perMs: probe / best };
}
