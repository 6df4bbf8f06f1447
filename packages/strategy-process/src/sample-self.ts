import { performance } from 'node:perf_hooks';
import { processFigures, type UnitSample } from '@concur/core/runtime';

/** This process's own figures, cumulative since it started: what a unit's `sample()` reports. */
export function sampleSelf(): UnitSample {
  return {
    scope: 'process',
    ...processFigures(),
    eventLoopUtilization: performance.eventLoopUtilization().utilization,
  };
}
