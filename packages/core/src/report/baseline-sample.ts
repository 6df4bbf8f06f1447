/**
 * A baseline measured on a sample of the items (`--baseline sample`), scaled to the whole workload. The
 * baseline runs items one at a time, so its wall is its start-up plus the sum of its items' times: the
 * sample's item time, times the workload's items, with the interval the sample's spread allows.
 */
import type { RunRecord } from '../engine/run-record.js';
import { mean, sd } from '../stats/descriptive.js';

/** 95 % two-sided, normal: a sample of a few hundred items is past where Student's t differs. */
const Z95 = 1.96;

export interface ScaledBaseline {
  /** The runs with their wall time scaled to every item, and no per-item latencies (the sample's are not the whole's). */
  readonly runs: readonly RunRecord[];
  readonly estimate?: { readonly items: number; readonly of: number; readonly relativeError: number };
}

/** Runs measured on a sample, scaled; runs that measured every item are returned as they are. */
export function scaleSampledBaseline(runs: readonly RunRecord[]): ScaledBaseline {
  const sampled = runs.filter((run) => run.sample && run.sample.items < run.sample.of);
  const first = sampled[0]?.sample;
  if (!first) return { runs };
  const times = sampled.flatMap((run) => run.serviceMs.filter(Number.isFinite));
  const n = times.length;
  const average = mean(times);
  // The standard error of the mean item time, with the finite population correction: a sample of all
  // items has no sampling error left.
  const correction = Math.sqrt(Math.max(0, 1 - first.items / first.of));
  const relative = n > 1 && average > 0 ? (Z95 * sd(times)) / average / Math.sqrt(n) : Number.NaN;
  const scaled = runs.map((run) => {
    if (!run.sample || run.sample.items >= run.sample.of) return run;
    const factor = run.sample.of / run.sample.items;
    return {
      ...run,
      wallMs: run.startupMs + (run.wallMs - run.startupMs) * factor,
      cpu: { userMs: run.cpu.userMs * factor, systemMs: run.cpu.systemMs * factor },
      ...(run.taskCpu && {
        taskCpu: { userMs: run.taskCpu.userMs * factor, systemMs: run.taskCpu.systemMs * factor },
      }),
      latencyMs: run.latencyMs.map(() => Number.NaN),
    };
  });
  return {
    runs: scaled,
    estimate: { items: first.items, of: first.of, relativeError: relative * correction },
  };
}

/** Indexes of `items` of `total` inputs, evenly spread so that an ordered workload is sampled throughout. */
export function sampleIndexes(total: number, items: number): number[] {
  const count = Math.min(total, Math.max(1, items));
  return Array.from({ length: count }, (_, k) => Math.floor((k * total) / count));
}
