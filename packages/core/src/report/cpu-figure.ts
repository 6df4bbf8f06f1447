/**
 * Which CPU figure a view shows for a summary row, and whether it can be believed: the task threads' own
 * where the platform could tell them apart (so V8's compiler and GC threads are not counted as the task's),
 * else the whole processes'; a figure above the cores those threads could use is a measuring artefact
 * (the kernel counts thread CPU in 10 ms ticks, which a short run cannot average out), never a fact.
 */
import type { StrategySummary } from './types.js';

export interface ShownCpu {
  /** CPU time / wall time; 1.0 is one core busy. */
  readonly value: number;
  /** Whose CPU time it is. */
  readonly of: 'task threads' | 'processes';
  /** Above {@link StrategySummary.cpuCeiling}: impossible as measured. */
  readonly beyondCeiling: boolean;
}

export function shownCpu(row: StrategySummary): ShownCpu {
  const task = row.taskCpuUtilisation;
  const value = task ?? row.cpuUtilisation;
  return { value, of: task === null ? 'processes' : 'task threads', beyondCeiling: value > row.cpuCeiling };
}

/** The cores the work kept busy as far as the figures can tell: never more than it could use. */
export function coresBusy(row: StrategySummary): number {
  const { value } = shownCpu(row);
  return Math.min(value, row.cpuCeiling);
}

/** A warning for a row whose CPU figure is above what its threads could use; undefined when it is not. */
export function cpuCeilingWarning(row: StrategySummary): string | undefined {
  const shown = shownCpu(row);
  if (!shown.beyondCeiling) return undefined;
  const ceiling = row.cpuCeiling === 1 ? 'one core' : `${row.cpuCeiling} cores`;
  return (
    `CPU of its ${shown.of} measured ${Math.round(shown.value * 100)} %, more than the ${ceiling} they could ` +
    'use: a measuring artefact of a short run (CPU is counted in 10 ms ticks), not a figure to trust'
  );
}
