/**
 * A Python unit's CPU time and memory read from outside, in /proc (Linux): a unit busy in a long item, or
 * a loop that never yields, cannot answer a request for its figures, and the kernel's accounting can.
 */
import { readFileSync } from 'node:fs';
import type { UnitSample } from '@concur/core/runtime';

/** /proc reports CPU time in USER_HZ ticks, which Linux fixes at 100 per second for user space. */
const MS_PER_TICK = 10;

type Cpu = Pick<UnitSample, 'cpuUserMs' | 'cpuSystemMs'>;
type Memory = Pick<UnitSample, 'rssBytes' | 'peakRssBytes'>;

/** CPU of a whole process (`/proc/<pid>/stat`) or of one of its threads (`/proc/<pid>/task/<tid>/stat`). */
export function readCpu(pid: number | undefined, tid?: number): Cpu | undefined {
  if (pid === undefined || process.platform !== 'linux') return undefined;
  try {
    const stat = readFileSync(
      tid === undefined ? `/proc/${pid}/stat` : `/proc/${pid}/task/${tid}/stat`,
      'latin1',
    );
    // Fields after the command name, which is in parentheses and may itself contain spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const cpu = {
      cpuUserMs: Number(fields[11]) * MS_PER_TICK,
      cpuSystemMs: Number(fields[12]) * MS_PER_TICK,
    };
    return Number.isFinite(cpu.cpuUserMs) && Number.isFinite(cpu.cpuSystemMs) ? cpu : undefined;
  } catch {
    return undefined;
  }
}

/** The resident memory of a process now and at its peak. */
export function readMemory(pid: number | undefined): Memory | undefined {
  if (pid === undefined || process.platform !== 'linux') return undefined;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'latin1');
    const kib = (name: string) =>
      Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
    const memory = { rssBytes: kib('VmRSS') * 1024, peakRssBytes: kib('VmHWM') * 1024 };
    return Number.isFinite(memory.rssBytes) && Number.isFinite(memory.peakRssBytes) ? memory : undefined;
  } catch {
    return undefined;
  }
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
