/**
 * The raw figures of one measured run of one strategy (or of the sequential baseline). Everything in a
 * report's summary is derived from these, so they are kept whole in the report.
 */
import type { FailureKind, UnitSample } from '../contract/strategy.js';
import type { RunTimeline } from './run-timeline.js';

/** The strategy name of the sequential baseline, in run records, plans and report rows. */
export const BASELINE_NAME = 'baseline';

export interface ItemFailure {
  readonly index: number;
  readonly kind: FailureKind;
  readonly message: string;
  /** Slot of the unit it ran on, or -1 where it never reached one. */
  readonly unit: number;
}

/** One unit that took part in the run, including units that died and were replaced. */
export interface UnitRecord {
  readonly slot: number;
  readonly id: string;
  readonly items: number;
  readonly failures: number;
  /** How it ended: "closed", "killed after timeout", "exited with code 3"… */
  readonly end: string;
  /** Its last sample, taken before it closed. */
  readonly sample?: UnitSample;
  /** From its spawn until it was ready, ms: this unit's own start-up. */
  readonly startupMs?: number;
}

export interface OutputChunk {
  readonly unit: number;
  readonly stream: 'stdout' | 'stderr';
  readonly text: string;
}

export interface RunRecord {
  /** Strategy name, or {@link BASELINE_NAME} for the sequential baseline. */
  readonly strategy: string;
  /** 1-based run number; warmup runs count separately. */
  readonly run: number;
  readonly warmup: boolean;
  /** Units asked for (1 for the baseline). */
  readonly concurrency: number;
  /** From the first spawn until every item has settled (start-up included, as a user waits for it). */
  readonly wallMs: number;
  /**
   * From the first spawn until the last of the first units was ready, each as its own spawn resolved: time a
   * unit waited behind another's item on a shared loop is not start-up.
   */
  readonly startupMs: number;
  /**
   * Engine process plus every unit that runs in a process of its own, over the wall time's window (the
   * units' teardown after it is left out): every thread of theirs, the runtime's compiler and GC included.
   */
  readonly cpu: { readonly userMs: number; readonly systemMs: number };
  /**
   * The CPU time of the threads that run the work, over the same window: the engine's main thread (its loop,
   * the in-engine units' tasks) plus each unit's own thread (a worker's thread, a child's main thread); the
   * runtime's background threads left out. Absent where the platform cannot read one thread's CPU time.
   */
  readonly taskCpu?: { readonly userMs: number; readonly systemMs: number };
  /** Peak resident memory of the engine process plus the peaks of units in processes of their own. */
  readonly peakRssBytes: number;
  readonly items: { readonly total: number; readonly done: number; readonly failed: number };
  /** Per item, by input index: queued → settled, as the engine saw it. NaN for an item that never ran. */
  readonly latencyMs: readonly number[];
  /** Per item, by input index: inside the unit (the task's own run). NaN where the unit could not say. */
  readonly serviceMs: readonly number[];
  readonly failures: readonly ItemFailure[];
  /** Units started to replace units that died or were killed. */
  readonly replacements: number;
  readonly units: readonly UnitRecord[];
  /** The engine process's own event-loop delay during the run. */
  readonly loopDelay: { readonly p50Ms: number; readonly p99Ms: number; readonly maxMs: number };
  /** What tasks printed, capped per run; `outputTruncated` says whether some was dropped. */
  readonly output: readonly OutputChunk[];
  readonly outputTruncated: boolean;
  /** When each item and unit did what; absent in reports older than version 2 and for an engine that died. */
  readonly timeline?: RunTimeline;
  /** True when the run was stopped before every item settled (Ctrl-C, q, SIGTERM). */
  readonly cancelled: boolean;
  /** Where the run could not proceed at all (every replacement failed to start): the reason. */
  readonly aborted?: string;
  /**
   * A baseline measured on a sample (`--baseline sample`): `items` of the workload's `of`, evenly spread;
   * the summary scales it to the whole workload, with the interval the sample allows.
   */
  readonly sample?: { readonly items: number; readonly of: number };
}
