/**
 * What the command line and the dashboard share: a request for one comparison, and the function that
 * carries it out. The CLI builds a request from flags; the dashboard's setup screen builds one from the
 * user's choices; both hand it to `executeComparison` and render the events it reports.
 */

import type { Report, Workload } from '@concur/core';
import type { Catalog, CompareEvent } from '@concur/core/orchestrate';

export interface ExportTargets {
  readonly json?: string;
  readonly markdown?: string;
  readonly csv?: string;
  /** `--trace FILE`: the runs' timelines as a Chrome trace-event file. */
  readonly trace?: string;
  /** `--html FILE`: one self-contained HTML page of the comparison, its charts and timelines. */
  readonly html?: string;
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
  /** `--startup-timeout`: per unit start (its task's import and setup); undefined: the item timeout, at least 30 s. */
  readonly startupTimeoutMs?: number;
  /** Per strategy name: `--option strategy.key=value`. */
  readonly strategyOptions: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  readonly exports: ExportTargets;
  /** Run the sequential baseline that speedups are measured against (`--no-baseline`: false). Default true. */
  readonly baseline?: boolean;
  /** `--baseline sample`: the baseline measured on this many items, evenly spread, and scaled to all. */
  readonly baselineSample?: number;
  /** `--against FILE`: the saved report this comparison is set against, row by row (`report.against`). */
  readonly against?: { readonly label: string; readonly report: Report };
}

export interface ExecuteOptions {
  readonly catalog: Catalog;
  readonly onEvent?: (event: CompareEvent) => void;
  readonly signal?: AbortSignal;
  /** One line for the user that is not progress: a strategy left out because it cannot run here. */
  readonly onNotice?: (line: string) => void;
  /**
   * Handed, once the comparison starts, a function that writes the report of what has been measured so far
   * (resolving to it, or to undefined once the whole report is written); handed undefined when it ends.
   * A caller that must leave early (a forced exit) calls it first.
   */
  readonly onSalvage?: (salvage: (() => Promise<Report | undefined>) | undefined) => void;
}

/**
 * Runs a request to its report (written to the export targets atomically, partial if cancelled). An export
 * target of "-" is not a file: the caller prints that view itself (`--json -`).
 */
export type ExecuteComparison = (request: ComparisonRequest, options: ExecuteOptions) => Promise<Report>;

/** What the command line hands the dashboard. */
export interface DashboardOptions {
  readonly catalog: Catalog;
  readonly execute: ExecuteComparison;
  /**
   * Where the setup screen starts: the default experiment for `concur`, or the whole request for
   * `concur run` in a terminal, which `startImmediately` asks to run without questions.
   */
  readonly initial?: Partial<ComparisonRequest>;
  readonly startImmediately?: boolean;
}

/** The dashboard's entry (`src/dashboard/index.ts`): resolves to the exit code once the user leaves. */
export type StartDashboard = (options: DashboardOptions) => Promise<number>;
