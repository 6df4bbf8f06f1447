/**
 * How each strategy of a concurrency sweep scales: Amdahl's law fitted to its speedups, the speedup the fit
 * predicts on a machine with more cores, and where the measured curve leaves the fit, with the likely cause.
 */
import { BASELINE_NAME, type RunRecord } from '../engine/run-record.js';
import { amdahl, fitAmdahl } from '../stats/amdahl.js';
import { formatRatio } from './format.js';
import type { StrategySummary } from './types.js';

/** One level of the sweep, measured and as the fit has it. */
export interface ScalingPoint {
  readonly concurrency: number;
  /** Cores the level could use: min(concurrency, cores, items). */
  readonly cores: number;
  /** Median wall of the reference over this level's median wall. */
  readonly measured: number;
  /** What the fitted fraction gives for `cores`. */
  readonly fitted: number;
}

/** A speedup the fit predicts for a machine this one is not: a prediction, never a measurement. */
export interface ScalingPrediction {
  readonly cores: number;
  readonly speedup: number;
}

export interface ScalingFit {
  readonly strategy: string;
  /** What the speedups are over: the strategy's own run at concurrency 1, or (without one) the baseline. */
  readonly reference: 'concurrency 1' | 'baseline';
  /** Amdahl's parallel fraction, 0…1; null where no level above one core could be fitted. */
  readonly fraction: number | null;
  /** Its 95% interval from the runs' own speedups; null with a single run per level. */
  readonly ci95: readonly [number, number] | null;
  /** The levels the fit used: above one and no more units than cores. */
  readonly fittedLevels: readonly number[];
  readonly points: readonly ScalingPoint[];
  /** At 2× and 8× this machine's cores, with as many units as cores (at most the items). */
  readonly predictions: readonly ScalingPrediction[];
  /** Where the measured curve leaves the fit by more than a tenth, and the likely cause. */
  readonly departures: readonly string[];
}

/** Leaving the fit by less than this is within what a loaded machine's runs vary by. */
const DEPARTURE = 0.1;
/** Start-up above this share of the wall is the first suspect when a level falls short. */
const STARTUP_SHARE = 0.25;

/** A fit per strategy when the comparison swept more than one level; none otherwise. */
export function scalingFits(
  runs: readonly RunRecord[],
  summary: readonly StrategySummary[],
  cpus: number,
  items: number,
): ScalingFit[] {
  const rows = summary.filter((s) => s.strategy !== BASELINE_NAME && !s.partial);
  if (new Set(rows.map((s) => s.concurrency)).size < 2) return [];
  const baseline = summary.find((s) => s.strategy === BASELINE_NAME && !s.partial);
  const names = [...new Set(rows.map((s) => s.strategy))];
  return names.flatMap((name) => {
    const own = rows.filter((s) => s.strategy === name).sort((a, b) => a.concurrency - b.concurrency);
    const self = own.find((s) => s.concurrency === 1);
    const ref = self ?? baseline;
    if (!ref || own.length < 2) return [];
    return [fitStrategy(name, own, ref, self ? 'concurrency 1' : 'baseline', runs, cpus, items)];
  });
}

function fitStrategy(
  name: string,
  own: readonly StrategySummary[],
  ref: StrategySummary,
  reference: ScalingFit['reference'],
  runs: readonly RunRecord[],
  cpus: number,
  items: number,
): ScalingFit {
  const refWall = ref.wall.median;
  const coresOf = (concurrency: number) => Math.min(concurrency, cpus, items);
  // Beyond the cores, extra units share the same cores: that measures oversubscription, not the fraction.
  const fittedLevels = own.map((s) => s.concurrency).filter((c) => c > 1 && c <= cpus && coresOf(c) > 1);
  const perRun = runs.filter(
    (r) =>
      r.strategy === name &&
      !r.warmup &&
      !r.cancelled &&
      r.aborted === undefined &&
      fittedLevels.includes(r.concurrency),
  );
  const fit = fitAmdahl(perRun.map((r) => ({ p: coresOf(r.concurrency), speedup: refWall / r.wallMs })));
  const fraction = Number.isNaN(fit.fraction) ? null : fit.fraction;
  const points = own.map((s) => ({
    concurrency: s.concurrency,
    cores: coresOf(s.concurrency),
    measured: refWall / s.wall.median,
    fitted: fraction === null ? Number.NaN : amdahl(fraction, coresOf(s.concurrency)),
  }));
  const predictions = [2, 8].map((times) => {
    const cores = times * cpus;
    return { cores, speedup: fraction === null ? Number.NaN : amdahl(fraction, Math.min(cores, items)) };
  });
  const first = own[0];
  const departures =
    fraction === null || !first
      ? []
      : points.flatMap((pt, i) => {
          const row = own[i];
          return row ? departure(pt, row, first, cpus) : [];
        });
  return {
    strategy: name,
    reference,
    fraction,
    ci95: fit.ci95 ?? null,
    fittedLevels,
    points,
    predictions,
    departures,
  };
}

function departure(pt: ScalingPoint, row: StrategySummary, first: StrategySummary, cpus: number): string[] {
  const off = pt.measured / pt.fitted - 1;
  if (!Number.isFinite(off) || Math.abs(off) <= DEPARTURE) return [];
  const at = `×${pt.concurrency}: ${formatRatio(pt.measured)}× measured, ${formatRatio(pt.fitted)}× fitted`;
  if (off > 0) {
    // Units that mostly wait overlap their waiting, which no count of cores explains; units that compute
    // and still beat the fit point at a slow reference run instead.
    const waits = row.cpuUtilisation < 0.5 * Math.min(pt.concurrency, cpus);
    return [
      waits
        ? `${at}: its items mostly wait (CPU ${Math.round(row.cpuUtilisation * 100)}% of a core), and waiting overlaps beyond the cores; Amdahl's law of cores does not model that`
        : `${at}: above the fit; noise in its ×1 reference (run more: --runs 5) is the likely cause`,
    ];
  }
  const startupShare = row.startupMs / row.wall.median;
  if (startupShare > STARTUP_SHARE)
    return [`${at}: start-up, ${Math.round(startupShare * 100)}% of the wall, grows with the units`];
  const memoryGrowth = row.peakRssBytes / first.peakRssBytes;
  if (memoryGrowth >= 2 && pt.concurrency > cpus)
    return [
      `${at}: memory, its peak ${formatRatio(memoryGrowth)}× that of ×${first.concurrency}, and more units than cores`,
    ];
  if (pt.concurrency > cpus) return [`${at}: contention, ${pt.concurrency} units on ${cpus} cores`];
  if (memoryGrowth >= 2)
    return [`${at}: memory, its peak ${formatRatio(memoryGrowth)}× that of ×${first.concurrency}`];
  return [`${at}: contention between its units for something they share`];
}
