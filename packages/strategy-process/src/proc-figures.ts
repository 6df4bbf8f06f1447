/**
 * A child's CPU time and memory read from outside, in /proc (Linux). A unit busy in a long item cannot
 * answer a sample request, and a killed one never will; the kernel's own accounting can still tell.
 */
import { readFileSync } from 'node:fs';
import type { UnitSample } from '@concur/core';

/** /proc reports CPU time in USER_HZ ticks, which Linux fixes at 100 per second for user space. */
const MS_PER_TICK = 10;

type ProcFigures = Pick<
  UnitSample,
  'cpuUserMs' | 'cpuSystemMs' | 'mainThreadCpuUserMs' | 'mainThreadCpuSystemMs' | 'rssBytes' | 'peakRssBytes'
>;

/** utime and stime, in ms, from a /proc stat line; the command name before them may hold spaces. */
function cpuOfStat(stat: string): { userMs: number; systemMs: number } {
  // Fields after the command name, which is in parentheses and may itself contain spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime and stime are fields 14 and 15 of the line, 12 and 13 after the command name.
  return { userMs: Number(fields[11]) * MS_PER_TICK, systemMs: Number(fields[12]) * MS_PER_TICK };
}

/** The figures of process `pid`, or undefined where /proc is absent or the process is gone. */
export function readProcFigures(pid: number | undefined): ProcFigures | undefined {
  if (pid === undefined || process.platform !== 'linux') return undefined;
  try {
    const all = cpuOfStat(readFileSync(`/proc/${pid}/stat`, 'utf8'));
    // The main thread's id is the process's: its own line leaves V8's compiler and GC threads out.
    const main = cpuOfStat(readFileSync(`/proc/${pid}/task/${pid}/stat`, 'utf8'));
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = (name: string) =>
      Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
    const figures = {
      cpuUserMs: all.userMs,
      cpuSystemMs: all.systemMs,
      mainThreadCpuUserMs: main.userMs,
      mainThreadCpuSystemMs: main.systemMs,
      rssBytes: kib('VmRSS') * 1024,
      peakRssBytes: kib('VmHWM') * 1024,
    };
    return Object.values(figures).every(Number.isFinite) ? figures : undefined;
  } catch {
    return undefined;
  }
}

/** `last` updated with what /proc says now; figures never go backwards (the two clocks differ in resolution). */
export function withProcFigures(last: UnitSample, pid: number | undefined): UnitSample {
  const now = readProcFigures(pid);
  if (!now) return last;
  const atLeast = (a: number | undefined, b: number) => Math.max(a ?? 0, b);
  return {
    ...last,
    cpuUserMs: atLeast(last.cpuUserMs, now.cpuUserMs ?? 0),
    cpuSystemMs: atLeast(last.cpuSystemMs, now.cpuSystemMs ?? 0),
    mainThreadCpuUserMs: atLeast(last.mainThreadCpuUserMs, now.mainThreadCpuUserMs ?? 0),
    mainThreadCpuSystemMs: atLeast(last.mainThreadCpuSystemMs, now.mainThreadCpuSystemMs ?? 0),
    rssBytes: now.rssBytes,
    peakRssBytes: atLeast(last.peakRssBytes, now.peakRssBytes ?? 0),
  };
}
