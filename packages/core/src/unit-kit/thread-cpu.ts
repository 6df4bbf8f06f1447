/**
 * CPU time of one thread. Node 20 has no per-thread CPU clock (`process.cpuUsage()` covers the whole
 * process; `process.threadCpuUsage()` arrived in later versions), but on Linux every thread has its own
 * `/proc/<pid>/task/<tid>/stat`. The worker learns its OS thread id once; from then on the main side reads
 * the figures itself, so even a worker stuck in a tight loop can be measured without answering a message.
 */
import { readFileSync, readlinkSync } from 'node:fs';
/** A thread's CPU time so far. */
export interface CpuTimes {
  readonly userMs: number;
  readonly systemMs: number;
}

/** USER_HZ: the unit of utime/stime in /proc. Fixed at 100 by the kernel's ABI on every mainstream arch. */
const TICKS_PER_SECOND = 100;
const MS_PER_TICK = 1000 / TICKS_PER_SECOND;

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
  try {
    return parseStat(readFileSync(`/proc/self/task/${tid}/stat`, 'latin1'));
  } catch {
    return undefined;
  }
}

/** Inside a thread: its own CPU time by the best means this Node and platform offer, or undefined. */
export function ownThreadCpu(): CpuTimes | undefined {
  const threadCpuUsage = (process as { threadCpuUsage?: () => { user: number; system: number } })
    .threadCpuUsage;
  if (typeof threadCpuUsage === 'function') {
    const { user, system } = threadCpuUsage.call(process);
    return { userMs: user / 1000, systemMs: system / 1000 };
  }
  try {
    return parseStat(readFileSync('/proc/thread-self/stat', 'latin1'));
  } catch {
    return undefined;
  }
}

/** utime and stime are fields 14 and 15; the command name before them may hold spaces and parentheses. */
function parseStat(stat: string): CpuTimes | undefined {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // fields[0] is field 3 (state), so field N is fields[N - 3].
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  if (!Number.isFinite(utime) || !Number.isFinite(stime)) return undefined;
  return { userMs: utime * MS_PER_TICK, systemMs: stime * MS_PER_TICK };
}
