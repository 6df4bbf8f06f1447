/**
 * A Python unit's CPU time and memory read from outside, in /proc (Linux): a unit busy in a long item, or
 * a loop that never yields, cannot answer a request for its figures, and the kernel's accounting can.
 */
import { readProcCpu, readProcMemory, type UnitSample } from '@concur/core/runtime';

type Cpu = Pick<UnitSample, 'cpuUserMs' | 'cpuSystemMs'>;
type Memory = Pick<UnitSample, 'rssBytes' | 'peakRssBytes'>;

/** CPU of a whole process (`/proc/<pid>/stat`) or of one of its threads (`/proc/<pid>/task/<tid>/stat`). */
export function readCpu(pid: number | undefined, tid?: number): Cpu | undefined {
  if (pid === undefined || process.platform !== 'linux') return undefined;
  const cpu = readProcCpu(pid, tid);
  return cpu && { cpuUserMs: cpu.userMs, cpuSystemMs: cpu.systemMs };
}

/** The resident memory of a process now and at its peak. */
export function readMemory(pid: number | undefined): Memory | undefined {
  if (pid === undefined || process.platform !== 'linux') return undefined;
  return readProcMemory(pid);
}

/** `last` with what /proc says now; cumulative figures never go backwards (the two clocks differ in resolution). */
export function withOutside(last: UnitSample, now: Cpu & Memory): UnitSample {
  const atLeast = (a: number | undefined, b: number | undefined) =>
    b === undefined ? a : Math.max(a ?? 0, b);
  return {
    ...last,
    ...(now.cpuUserMs !== undefined ? { cpuUserMs: atLeast(last.cpuUserMs, now.cpuUserMs) } : {}),
    ...(now.cpuSystemMs !== undefined ? { cpuSystemMs: atLeast(last.cpuSystemMs, now.cpuSystemMs) } : {}),
    ...(now.rssBytes !== undefined ? { rssBytes: now.rssBytes } : {}),
    ...(now.peakRssBytes !== undefined ? { peakRssBytes: atLeast(last.peakRssBytes, now.peakRssBytes) } : {}),
  };
}
