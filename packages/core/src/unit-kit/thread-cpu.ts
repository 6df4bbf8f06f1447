/**
 * CPU time of one thread. Node 20 has no per-thread CPU clock (`process.cpuUsage()` covers the whole
 * process; `process.threadCpuUsage()` arrived in later versions), but on Linux every thread has its own
 * `/proc/<pid>/task/<tid>/stat`. The worker learns its OS thread id once; from then on the main side reads
 * the figures itself, so even a worker stuck in a tight loop can be measured without answering a message.
 */
import { readlinkSync } from 'node:fs';
import { type CpuTimes, readStatCpu } from './proc-stat.js';

export type { CpuTimes };

/** Inside a thread: its OS thread id, or null where /proc/thread-self does not exist (not Linux). */
export function ownThreadId(): number | null {
  try {
    // "/proc/thread-self" links to "<pid>/task/<tid>".
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    return Number.isInteger(tid) && tid > 0 ? tid : null;
  } catch {
    return null;
  }
}

/** Anywhere in this process: the CPU time thread `tid` has used, or undefined once it is gone. */
export function readThreadCpu(tid: number): CpuTimes | undefined {
  return readStatCpu(`/proc/self/task/${tid}/stat`);
}

/** Inside a thread: its own CPU time by the best means this Node and platform offer, or undefined. */
export function ownThreadCpu(): CpuTimes | undefined {
  const threadCpuUsage = (process as { threadCpuUsage?: () => { user: number; system: number } })
    .threadCpuUsage;
  if (typeof threadCpuUsage === 'function') {
    const { user, system } = threadCpuUsage.call(process);
    return { userMs: user / 1000, systemMs: system / 1000 };
  }
  return readStatCpu('/proc/thread-self/stat');
}
