/** The messages between the parent (CLI, dashboard) and an engine process or a service process. */
import type { Params } from '../contract/workload.js';
import type { LiveSnapshot } from '../engine/live-state.js';
import type { RunRecord } from '../engine/run-record.js';

/** One measured run, as the parent asks an engine process for it. */
export interface EngineJob {
  /** File URL of the strategy module, or `BASELINE_NAME` for the sequential baseline. */
  readonly strategy: string;
  readonly task: string;
  readonly inputs: readonly unknown[];
  readonly concurrency: number;
  readonly options: Readonly<Record<string, unknown>>;
  readonly timeoutMs: number;
  /** How long a unit may take to become ready (its task's import and setup). */
  readonly startupTimeoutMs: number;
  readonly run: number;
  readonly warmup: boolean;
  /** How often the engine sends a snapshot; the renderer reads the latest at its own rate. */
  readonly snapshotEveryMs: number;
  /** Unit rows per snapshot at most (the busiest); the rest are summed up in a histogram. */
  readonly maxRows: number;
}

export type ToEngine = { readonly kind: 'start'; readonly job: EngineJob } | { readonly kind: 'cancel' };

export type FromEngine =
  | { readonly kind: 'snapshot'; readonly snapshot: LiveSnapshot }
  | { readonly kind: 'done'; readonly record: RunRecord }
  | { readonly kind: 'failed'; readonly message: string; readonly badInput: boolean };

export type ToService =
  | { readonly kind: 'start'; readonly module: string; readonly options: Readonly<Record<string, unknown>> }
  | { readonly kind: 'usage' }
  | { readonly kind: 'stop' };

export type FromService =
  | { readonly kind: 'ready'; readonly info: Readonly<Record<string, unknown>> }
  | { readonly kind: 'usage'; readonly usage: ServiceUsage }
  | { readonly kind: 'failed'; readonly message: string };

/** A service process's own load, so a user sees when the server, not the strategy, is the bottleneck. */
export interface ServiceUsage {
  readonly cpuUserMs: number;
  readonly cpuSystemMs: number;
  readonly peakRssBytes: number;
}

export type { Params };
