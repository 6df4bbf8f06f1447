/**
 * What the command line and the dashboard share: a request for one comparison, and the function that
 * carries it out. The CLI builds a request from flags; the dashboard's setup screen builds one from the
 * user's choices; both hand it to `executeComparison` and render the events it reports.
 */
import type { Catalog, CompareEvent, Report, Workload } from '@concur/core';

export interface ExportTargets {
  readonly json?: string;
  readonly markdown?: string;
  readonly csv?: string;
}

export interface ComparisonRequest {
  /** A discovered workload, or one built from `--task` (customWorkload). */
  readonly workload: Workload;
  /** Raw `--param name=value` strings, checked against the workload's specs by resolveParams. */
  readonly params: Readonly<Record<string, string>>;
  /** Strategy names; empty means every loaded strategy. */
  readonly strategies: readonly string[];
  /** Units per strategy; several values make a sweep; undefined means each strategy's default. */
  readonly concurrency?: readonly number[];
  readonly runs: number;
  readonly warmup: number;
  readonly timeoutMs: number;
  /** Per strategy name: `--option strategy.key=value`. */
  readonly strategyOptions: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  readonly exports: ExportTargets;
}

export interface ExecuteOptions {
  readonly catalog: Catalog;
  readonly onEvent?: (event: CompareEvent) => void;
  readonly signal?: AbortSignal;
}

/** Runs a request to its report (written to the export targets atomically, partial if cancelled). */
export type ExecuteComparison = (request: ComparisonRequest, options: ExecuteOptions) => Promise<Report>;
