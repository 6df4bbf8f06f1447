import { performance } from 'node:perf_hooks';
import { ownThreadCpu, processFigures, type UnitSample } from '@concur/core/runtime';

/** This process's own figures, cumulative since it started: what a unit's `sample()` reports. */
export function sampleSelf(): UnitSample {
  // Asked on the main thread, where the tasks run: its own CPU, without V8's compiler and GC threads.
  const main = ownThreadCpu();
  return {
    scope: 'process',
    ...processFigures(),
    ...(main && { mainThreadCpuUserMs: main.userMs, mainThreadCpuSystemMs: main.systemMs }),
    eventLoopUtilization: performance.eventLoopUtilization().utilization,
  };
}
