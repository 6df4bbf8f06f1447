/**
 * A child's CPU time and memory read from outside, in /proc (Linux). A unit busy in a long item cannot
 * answer a sample request, and a killed one never will; the kernel's own accounting can still tell.
 */
import type { UnitSample } from '@concur/core';
import { readProcCpu, readProcMemory } from '@concur/core/runtime';

type ProcFigures = Pick<
  UnitSample,
  'cpuUserMs' | 'cpuSystemMs' | 'mainThreadCpuUserMs' | 'mainThreadCpuSystemMs' | 'rssBytes' | 'peakRssBytes'
>;

/** The figures of process `pid`, or undefined where /proc is absent or the process is gone. */
export function readProcFigures(pid: number | undefined): ProcFigures | undefined {
  if (pid === undefined || process.platform !== 'linux') return undefined;
  const all = readProcCpu(pid);
  // The main thread's id is the process's: its own line leaves V8's compiler and GC threads out.
  const main = readProcCpu(pid, pid);
  const memory = readProcMemory(pid);
  if (!all || !main || !memory) return undefined;
  return {
    cpuUserMs: all.userMs,
    cpuSystemMs: all.systemMs,
    mainThreadCpuUserMs: main.userMs,
    mainThreadCpuSystemMs: main.systemMs,
    ...memory,
  };
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
