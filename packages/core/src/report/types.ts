/**
 * The report: one versioned JSON document per comparison. It keeps every raw figure (so anything in the
 * summary can be recomputed) next to the summary and the verdict. Markdown and CSV are views of it.
 */
import type { Traits } from '../contract/strategy.js';
import type { TaskKind } from '../contract/task.js';
import type { Params } from '../contract/workload.js';
import type { RunRecord } from '../engine/run-record.js';
import type { ReportDiff } from './diff.js';
import type { ScalingFit } from './scaling.js';

/** What `schema` always says, so a reader can tell a concur report from any other JSON. */
export const REPORT_SCHEMA = 'concur.report';
/**
 * Bumped on any change a reader of an older report would trip over. 2: runs carry their `timeline` (and a
 * sweep its `scaling`).
 */
export const REPORT_VERSION = 2;
/** The versions `validateReport` reads; an older one is read as the current one without its newer fields. */
export const READABLE_REPORT_VERSIONS: readonly number[] = [1, 2];

/** The machine the comparison ran on. */
export interface Machine {
  /** Cores available to this process (`os.availableParallelism()`). */
  readonly cpus: number;
  readonly cpuModel: string;
  readonly totalMemoryBytes: number;
  /** `process.version`, e.g. "v20.11.1". */
  readonly node: string;
  readonly v8: string;
  readonly platform: string;
  /** The OS release (`os.release()`). */
  readonly release: string;
  readonly arch: string;
}

/** The workload as it was run. */
export interface WorkloadInfo {
  readonly name: string;
  readonly description: string;
  readonly kind: TaskKind;
  /** The task module's specifier or file URL. */
  readonly task: string;
  /** Every parameter's value, defaults included. */
  readonly params: Params;
  /** How many items one run processes. */
  readonly items: number;
}

/** How the comparison was run. */
export interface Settings {
  /** Units per strategy; several values make a sweep. */
  readonly concurrency: readonly number[];
  /** Measured runs per strategy and concurrency. */
  readonly runs: number;
  /** Unmeasured runs before them. */
  readonly warmup: number;
  /** Per-item timeout; null when items may run for ever (JSON has no Infinity). */
  readonly timeoutMs: number | null;
  /** Strategy names, in the order they ran. */
  readonly strategies: readonly string[];
  /** The user's options per strategy name. */
  readonly strategyOptions: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}

/** A strategy's self-description, for the traits table. */
export interface StrategyTraits {
  readonly name: string;
  readonly model: string;
  readonly summary: string;
  readonly traits: Traits;
}

/** A service that ran alongside the measurement, and what it cost. */
export interface ServiceUsage {
  readonly name: string;
  readonly cpuUserMs: number;
  readonly cpuSystemMs: number;
  readonly peakRssBytes?: number;
}

/** Wall time of the runs summarised, in milliseconds. `sd` and `ci95` are null with a single run. */
export interface WallSummary {
  readonly median: number;
  readonly mean: number;
  readonly sd: number | null;
  readonly min: number;
  readonly max: number;
  readonly ci95: readonly [number, number] | null;
  /** Runs summarised. */
  readonly n: number;
}

/** A value with its uncertainty (one standard deviation, propagated); null uncertainty: unknown (one run). */
export interface Uncertain {
  readonly value: number;
  readonly uncertainty: number | null;
}

/** The summary of one strategy at one concurrency (or of the baseline), from its measured runs. */
export interface StrategySummary {
  /** Strategy name, or `BASELINE_NAME` for the sequential baseline. */
  readonly strategy: string;
  readonly concurrency: number;
  readonly wall: WallSummary;
  /** Median start-up time, ms. */
  readonly startupMs: number;
  /**
   * Median over runs of (CPU user + system) / wall. 1.0 means one core busy for the whole run, 2.0 two
   * cores; 0.1 mostly waiting.
   */
  readonly cpuUtilisation: number;
  /**
   * The same of the threads that ran the work only (`RunRecord.taskCpu`): the engine's main thread and each
   * unit's own, without the runtime's compiler and GC threads; null where a run could not tell them apart.
   */
  readonly taskCpuUtilisation: number | null;
  /**
   * The most cores the CPU figure shown (the task threads' where known, else the processes') could reach:
   * the machine's cores, and for the task threads no more than there are of them (1 for a strategy whose
   * units all run on the engine's loop). A figure above it is a measuring artefact, never a fact.
   */
  readonly cpuCeiling: number;
  /** Median peak resident memory, bytes. */
  readonly peakRssBytes: number;
  /**
   * Item latency (queued → settled) percentiles, pooled over the items done (failed ones left out) of every
   * run; null where no item was done.
   */
  readonly latencyMs: {
    readonly p50: number | null;
    readonly p95: number | null;
    readonly p99: number | null;
  };
  /** Median service time (inside the unit), pooled over the items done of every run. */
  readonly serviceP50Ms: number | null;
  /** Median over runs of successful items per second of wall time. */
  readonly throughput: number;
  /**
   * Baseline mean wall / this mean wall; null without a baseline that finished with most of its items done,
   * and null for a row cut short or whose items mostly failed. The baseline's own is 1 ± 0 when it counts.
   */
  readonly speedup: Uncertain | null;
  /**
   * The most speedup this row could reach if every unit kept one core busy: min(concurrency, items, cpus).
   */
  readonly idealSpeedup: number;
  /**
   * speedup / idealSpeedup. 1.0: every core that could help did. Above 1.0: the work was not bound by the
   * cores (waiting on I/O overlapped), which is what an event loop is for.
   */
  readonly efficiency: number | null;
  /** Failed items over all runs summarised. */
  readonly failures: number;
  /**
   * Failed items over the items of the runs summarised, 0…1. Above one half the row measured how fast its
   * items failed: it has no speedup and takes no part in the verdict.
   */
  readonly failedShare: number;
  /** Run numbers whose wall time is an outlier (modified z-score > 3.5). */
  readonly outlierRuns: readonly number[];
  /** True when every measured run was cancelled or aborted, so these figures cover unfinished runs. */
  readonly partial: boolean;
  /**
   * The baseline measured on a sample (`--baseline sample`): its wall figures are scaled from `items` of
   * the workload's `of` items, to within ± `relativeError` (95 %, a fraction) of the whole; its latency
   * percentiles, which the sample cannot tell, are null.
   */
  readonly estimate?: { readonly items: number; readonly of: number; readonly relativeError: number };
}

/** One line of the verdict: the fastest strategy at a concurrency against another. */
export interface VerdictLine {
  readonly concurrency: number;
  readonly winner: string;
  readonly loser: string;
  /** Loser's mean wall / winner's mean wall (≥ 1). */
  readonly ratio: number;
  /** Propagated σ of the ratio; null when a side has a single run. */
  readonly uncertainty: number | null;
  /** Whether the difference is outside the noise; when false `winner` is merely the one with the lower mean. */
  readonly significant: boolean;
  /** "thread ran 1.96 ± 0.04 times faster than async". */
  readonly text: string;
}

/** The whole comparison. */
export interface Report {
  readonly schema: typeof REPORT_SCHEMA;
  readonly version: typeof REPORT_VERSION;
  /** When the report was made, ISO 8601. */
  readonly createdAt: string;
  readonly machine: Machine;
  readonly workload: WorkloadInfo;
  readonly settings: Settings;
  /** One entry per strategy that ran. */
  readonly traits: readonly StrategyTraits[];
  readonly services?: readonly ServiceUsage[];
  /** Every run, warmups included, as measured. */
  readonly runs: readonly RunRecord[];
  /** One row per strategy × concurrency (and the baseline), warmups excluded. */
  readonly summary: readonly StrategySummary[];
  readonly verdict: readonly VerdictLine[];
  /** With a concurrency sweep: how each strategy scales (Amdahl's law fitted, and what it predicts). */
  readonly scaling?: readonly ScalingFit[];
  /** Advice in plain words, written by the command line. */
  readonly recommendation?: string;
  /** True when the comparison was stopped before it finished; what was measured is kept. */
  readonly cancelled: boolean;
  /** With `concur run --against FILE`: this comparison set against that saved report (`diffReports`). */
  readonly against?: ReportDiff;
}
