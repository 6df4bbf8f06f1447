/**
 * A child's CPU time and memory read from outside, in /proc (Linux). A unit busy in a long item cannot
 * answer a sample request, and a killed one never will; the kernel's own accounting can still tell.
 */
import { readFileSync } from 'node:fs';
import type { UnitSample } from '@concur/core';

/** /proc reports CPU time in USER_HZ ticks, which Linux fixes at 100 per second for user space. */
const MS_PER_TICK = 10;

type ProcFigures = Pick<UnitSample, 'cpuUserMs' | 'cpuSystemMs' | 'rssBytes' | 'peakRssBytes'>;

/** The figures of process `pid`, or undefined where /proc is absent or the process is gone. */
export function readProcFigures(pid: number | undefined): ProcFigures | undefined {
  if (pid === undefined || process.platform !== 'linux') return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may itself contain spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = (name: string) =>
      Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
    const figures = {
      // utime and stime are fields 14 and 15 of the line, 12 and 13 after the command name.
      cpuUserMs: Number(fields[11]) * MS_PER_TICK,
      cpuSystemMs: Number(fields[12]) * MS_PER_TICK,
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
    rssBytes: now.rssBytes,
    peakRssBytes: atLeast(last.peakRssBytes, now.peakRssBytes ?? 0),
  };
}
