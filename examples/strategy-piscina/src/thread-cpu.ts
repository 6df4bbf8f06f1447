/**
 * CPU time of one thread, read by the main side from `/proc/self/task/<tid>/stat` (Linux). Node 20 has no
 * per-thread CPU clock, and a worker stuck in a loop cannot answer a message, but the kernel always can.
 */
import { readFileSync } from 'node:fs';

/** USER_HZ, the unit of utime and stime in /proc: 100 on every mainstream architecture. */
const MS_PER_TICK = 10;

export function readThreadCpu(tid: number): { userMs: number; systemMs: number } | undefined {
  try {
    const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'latin1');
    // Fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const utime = Number(fields[11]);
    const stime = Number(fields[12]);
    if (!Number.isFinite(utime) || !Number.isFinite(stime)) return undefined;
    return { userMs: utime * MS_PER_TICK, systemMs: stime * MS_PER_TICK };
  } catch {
    return undefined;
  }
}
