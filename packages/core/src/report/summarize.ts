/**
 * From raw run records to the summary rows and the verdict. Pure: the same runs always give the same
 * summary, so a report can be re-summarised from its own `runs`.
 */
import { BASELINE_NAME, type RunRecord } from '../engine/run-record.js';
import { confidenceInterval95 } from '../stats/confidence.js';
import { mean, median, quantileOfSorted, sd, sorted } from '../stats/descriptive.js';
import { outlierIndexes } from '../stats/outliers.js';
import { ratioOfMeans } from '../stats/ratio.js';
import { scaleSampledBaseline } from './baseline-sample.js';
import type { StrategySummary, Uncertain, VerdictLine } from './types.js';
import { verdictLines } from './verdict.js';

/**
 * Summarise every strategy × concurrency (warmups excluded) and compare them.
 * `items` is the workload's item count and `cpus` the machine's cores: together with the concurrency they
 * bound the speedup a row could reach (see {@link StrategySummary.idealSpeedup}).
 */
export function summarize(
  runs: readonly RunRecord[],
  items: number,
  cpus: number,
): { summary: StrategySummary[]; verdict: VerdictLine[] } {
  const groups = groupRuns(runs.filter((run) => !run.warmup));
  const baselineGroup = groups.find((group) => group[0]?.strategy === BASELINE_NAME);
  const usableBaseline = baselineGroup ? usableRuns(baselineGroup) : undefined;
  // Measured on a sample: scaled to the whole workload, its sampling error added to its run-to-run noise.
  const scaled = usableBaseline ? scaleSampledBaseline(usableBaseline.runs) : undefined;
  const baselineRuns = usableBaseline && scaled ? { ...usableBaseline, runs: scaled.runs } : undefined;
  // A baseline cut short measures when it was stopped, and one whose items mostly failed measures how fast
  // they failed, not the work: nothing is a speedup over either.
  const baselineMeasured =
    baselineRuns && !baselineRuns.partial && !mostlyFailed(failedShare(baselineRuns.runs, items));
  const baselineWalls = baselineMeasured ? baselineRuns.runs.map((run) => run.wallMs) : undefined;
  const sampling =
    (baselineWalls ? mean(baselineWalls) : 0) * ((scaled?.estimate?.relativeError ?? 0) / 1.96);
  const baseline = baselineWalls
    ? {
        mean: mean(baselineWalls),
        sd: scaled?.estimate ? Math.hypot(orZero(sd(baselineWalls)), orZero(sampling)) : sd(baselineWalls),
      }
    : undefined;

  const rows = groups.map((group) => {
    const { runs: used, partial } =
      group === baselineGroup && baselineRuns ? baselineRuns : usableRuns(group);
    const summary = summarizeGroup(used, partial, items, cpus, baseline);
    return {
      summary:
        group === baselineGroup && scaled?.estimate ? { ...summary, estimate: scaled.estimate } : summary,
      walls: used.map((r) => r.wallMs),
    };
  });
  // Nor does a strategy whose every run was cut short, or whose items mostly failed, race the others: its
  // short wall would win.
  const finished = rows.filter((row) => !row.summary.partial && !mostlyFailed(row.summary.failedShare));
  return { summary: rows.map((row) => row.summary), verdict: verdictLines(finished) };
}

/** Runs grouped by strategy and concurrency, in order of first appearance, the baseline first. */
function groupRuns(runs: readonly RunRecord[]): RunRecord[][] {
  const groups = new Map<string, RunRecord[]>();
  for (const run of runs) {
    const key = `${run.strategy}\u0000${run.concurrency}`;
    const group = groups.get(key);
    if (group) group.push(run);
    else groups.set(key, [run]);
  }
  const all = [...groups.values()];
  return [
    ...all.filter((g) => g[0]?.strategy === BASELINE_NAME),
    ...all.filter((g) => g[0]?.strategy !== BASELINE_NAME),
  ];
}

/** Finished runs only; an unfinished run's wall time measures when the user pressed Ctrl-C, not the work. */
function usableRuns(group: readonly RunRecord[]): { runs: readonly RunRecord[]; partial: boolean } {
  const finished = group.filter((run) => !run.cancelled && run.aborted === undefined);
  return finished.length > 0 ? { runs: finished, partial: false } : { runs: group, partial: true };
}

function summarizeGroup(
  runs: readonly RunRecord[],
  partial: boolean,
  items: number,
  cpus: number,
  baseline: { mean: number; sd: number } | undefined,
): StrategySummary {
  const first = runs[0];
  if (!first) throw new Error('summarizeGroup: a group has no runs. This is a bug in concur.');
  const walls = runs.map((run) => run.wallMs);
  const ci = confidenceInterval95(walls);
  // A failed item's latency says how fast it failed: the percentiles are of the items done.
  const latencies = sorted(runs.flatMap((run) => doneOnly(run, run.latencyMs)));
  const share = failedShare(runs, items);
  // The baseline against itself is 1 by definition; propagating its own noise twice would invent an error.
  // A row cut short has no speedup: its wall time says when it was stopped, not how fast it ran; nor has a
  // row whose items mostly failed: it did not do the work the baseline did.
  const measured = !partial && !mostlyFailed(share);
  const speedup = !measured
    ? null
    : first.strategy === BASELINE_NAME
      ? baseline
        ? { value: 1, uncertainty: 0 }
        : null
      : baseline
        ? uncertain(ratioOfMeans(baseline, { mean: mean(walls), sd: sd(walls) }))
        : null;
  const idealSpeedup = Math.max(1, Math.min(first.concurrency, items, cpus));
  const taskCpuUtilisation = runs.every((run) => run.taskCpu)
    ? orNull(
        median(runs.map((run) => ((run.taskCpu?.userMs ?? 0) + (run.taskCpu?.systemMs ?? 0)) / run.wallMs)),
      )
    : null;
  return {
    strategy: first.strategy,
    concurrency: first.concurrency,
    wall: {
      median: median(walls),
      mean: mean(walls),
      sd: orNull(sd(walls)),
      min: Math.min(...walls),
      max: Math.max(...walls),
      ci95: ci ?? null,
      n: runs.length,
    },
    startupMs: median(runs.map((run) => run.startupMs)),
    cpuUtilisation: orZero(median(runs.map((run) => (run.cpu.userMs + run.cpu.systemMs) / run.wallMs))),
    taskCpuUtilisation,
    cpuCeiling: taskCpuUtilisation === null ? cpus : Math.min(cpus, taskThreads(first)),
    peakRssBytes: median(runs.map((run) => run.peakRssBytes)),
    latencyMs: {
      p50: orNull(quantileOfSorted(latencies, 0.5)),
      p95: orNull(quantileOfSorted(latencies, 0.95)),
      p99: orNull(quantileOfSorted(latencies, 0.99)),
    },
    serviceP50Ms: orNull(median(runs.flatMap((run) => doneOnly(run, run.serviceMs)))),
    throughput: orZero(median(runs.map((run) => run.items.done / (run.wallMs / 1000)))),
    speedup,
    idealSpeedup,
    efficiency: speedup ? speedup.value / idealSpeedup : null,
    failures: runs.reduce((sum, run) => sum + run.items.failed, 0),
    failedShare: share,
    outlierRuns: outlierIndexes(walls).map((index) => runs[index]?.run ?? -1),
    partial,
  };
}

/**
 * Above this share of failed items a row measured how fast its items failed, not the work: it has no
 * speedup and cannot win. Below it the failures column and the failure reasons say what to discount.
 */
export const MOSTLY_FAILED_SHARE = 0.5;

/** Whether a row's items mostly failed (see {@link MOSTLY_FAILED_SHARE}). */
export function mostlyFailed(share: number): boolean {
  return share > MOSTLY_FAILED_SHARE;
}

/** Failed items over the items the runs were given. */
function failedShare(runs: readonly RunRecord[], items: number): number {
  const total = runs.reduce((sum, run) => sum + (run.items.total || items), 0);
  const failed = runs.reduce((sum, run) => sum + run.items.failed, 0);
  return total > 0 ? failed / total : 0;
}

/**
 * The threads that run a run's work at once: the engine's main thread, plus one per unit where units have
 * threads of their own (a unit that shares the engine's loop adds none).
 */
function taskThreads(run: RunRecord): number {
  const ownThreads = run.units.filter((unit) => unit.sample?.scope !== 'shared').length;
  return 1 + Math.min(run.concurrency, ownThreads);
}

/** A per-item figure of the items that succeeded: the failed ones' indexes left out. */
function doneOnly(run: RunRecord, perItem: readonly number[]): number[] {
  if (run.failures.length === 0) return [...perItem];
  const failed = new Set(run.failures.map((failure) => failure.index));
  return perItem.filter((_, index) => !failed.has(index));
}

function uncertain(ratio: { value: number; uncertainty: number }): Uncertain {
  return { value: ratio.value, uncertainty: orNull(ratio.uncertainty) };
}

/** JSON has no NaN: an unknown figure is stored as null. */
function orNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

function orZero(value: number): number {
  return Number.isFinite(value) ? value : 0;
}
