/**
 * The kernel's own accounting of a process or thread, read from /proc (Linux): CPU time from its `stat`
 * line, resident memory from its `status`. A unit busy in a long item, stuck in a loop or already killed
 * cannot answer for its figures; these files still can. Undefined where /proc is absent or the process gone.
 */
import { readFileSync } from 'node:fs';

/** CPU time so far. */
export interface CpuTimes {
  readonly userMs: number;
  readonly systemMs: number;
}

/** Resident memory now and at its peak. */
export interface MemoryFigures {
  readonly rssBytes: number;
  readonly peakRssBytes: number;
}

/** USER_HZ: the unit of utime/stime in /proc. Fixed at 100 by the kernel's ABI on every mainstream arch. */
const TICKS_PER_SECOND = 100;
const MS_PER_TICK = 1000 / TICKS_PER_SECOND;

/** utime and stime from the `stat` file at `path`: `/proc/<pid>/stat`, `/proc/<pid>/task/<tid>/stat`… */
export function readStatCpu(path: string): CpuTimes | undefined {
  let stat: string;
  try {
    stat = readFileSync(path, 'latin1');
  } catch {
    return undefined;
  }
  // utime and stime are fields 14 and 15; the command name before them may hold spaces and parentheses.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // fields[0] is field 3 (state), so field N is fields[N - 3].
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  if (!Number.isFinite(utime) || !Number.isFinite(stime)) return undefined;
  return { userMs: utime * MS_PER_TICK, systemMs: stime * MS_PER_TICK };
}

/** The CPU time of process `pid`, or of its thread `tid`. */
export const readProcCpu = (pid: number, tid?: number): CpuTimes | undefined =>
  readStatCpu(tid === undefined ? `/proc/${pid}/stat` : `/proc/${pid}/task/${tid}/stat`);

/** The resident memory of process `pid`, now (VmRSS) and at its peak (VmHWM). */
export function readProcMemory(pid: number): MemoryFigures | undefined {
  let status: string;
  try {
    status = readFileSync(`/proc/${pid}/status`, 'latin1');
  } catch {
    return undefined;
  }
  const kib = (name: string) =>
    Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
  const memory = { rssBytes: kib('VmRSS') * 1024, peakRssBytes: kib('VmHWM') * 1024 };
  return Number.isFinite(memory.rssBytes) && Number.isFinite(memory.peakRssBytes) ? memory : undefined;
}
