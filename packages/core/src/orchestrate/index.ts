/**
 * `@concur/core/orchestrate`: the machinery behind the `concur` command — discovery of plugins, whole
 * comparisons (each run in an engine process of its own, services in theirs), a single run of the engine,
 * and the report with its views. Plugin authors need none of it; see `@concur/core`.
 */

// Discovery: built-ins, concur.config.*, and declared dependencies with a "concur" manifest.
export { describeSource } from '../discovery/catalog.js';
export { discover } from '../discovery/discover.js';
export { pickStrategies, pickWorkload } from '../discovery/pick.js';
export type {
  BrokenPlugin,
  Catalog,
  DiscoverOptions,
  LoadedStrategy,
  PluginSource,
} from '../discovery/types.js';
// One run of one strategy (or of the sequential baseline) in this process, and its live state.
export { baselineStrategy, runBaseline } from '../engine/baseline.js';
export type { LiveSnapshot, LiveUnit } from '../engine/live-state.js';
export { runStrategy } from '../engine/run-strategy.js';
// Reports: reading one back, its text views, atomic writes, and the figures as people read them.
export type { ComparisonColumn } from '../report/comparison-columns.js';
export { COMPARISON_COLUMNS } from '../report/comparison-columns.js';
export type { DiffLabels, DiffRow, DiffSide, DiffWarning, ReportDiff, UnmatchedRow } from '../report/diff.js';
export { DIFF_SCHEMA, DIFF_VERSION, DRIFT_NOTE, diffReports } from '../report/diff.js';
export type { FailureGroup, FailureReasons } from '../report/failure-groups.js';
export { failureGroupText, failureReasons, otherFailuresText } from '../report/failure-groups.js';
export { formatBytes, formatDuration, formatRatio } from '../report/format.js';
export { validateReportDiff } from '../report/read-diff.js';
export { validateReport } from '../report/read-report.js';
export { rowNotes } from '../report/row-notes.js';
export { fractionText, predictionText, scalingHeading, scalingLines } from '../report/scaling-text.js';
export type { TraceDocument, TraceEvent } from '../report/trace.js';
export { reportToTrace } from '../report/trace.js';
export { REPORT_SCHEMA } from '../report/types.js';
export type { ReportFormat } from '../report/write.js';
export { renderReport, writeFileAtomic, writeReport } from '../report/write.js';
export type { WriteTarget } from '../report/write-target.js';
export { writeTargetOf } from '../report/write-target.js';
// Workload params from the command line, and a user's own task raced as a workload.
export { customWorkload } from '../workload/custom-workload.js';
export { resolveParams, splitParamFlag } from '../workload/params.js';
// A whole comparison: its plan, its services, its runs, and the report made of them.
export type { CompareEvent } from './compare.js';
export { compare, DEFAULT_STARTUP_TIMEOUT_MS } from './compare.js';
export type { PlannedRun } from './plan.js';
export { optionsFor, runtimeOf } from './runtimes.js';
export { startServices } from './services.js';
export { comparisonToReport } from './to-report.js';
