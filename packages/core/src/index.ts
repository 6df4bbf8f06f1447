// The contract: what a task, a workload and a strategy plugin are.

export { ProgressCell } from './contract/progress-cell.js';
export type {
  Failure,
  FailureKind,
  Outcome,
  SpawnSpec,
  Strategy,
  StrategyMeta,
  Traits,
  Unit,
  UnitExit,
  UnitSample,
  WorkItem,
} from './contract/strategy.js';
export { API_VERSION, defineStrategy, strategyShapeProblem } from './contract/strategy.js';
export type { SetupContext, Task, TaskContext, TaskKind, TaskRef } from './contract/task.js';
export { defineTask, taskShapeProblem } from './contract/task.js';
export type {
  ParamSpec,
  Params,
  ParamValue,
  Service,
  ServiceInfo,
  ServiceUse,
  StartedService,
  Workload,
} from './contract/workload.js';
export { defineService, defineWorkload, workloadShapeProblem } from './contract/workload.js';
export type {
  BrokenPlugin,
  Catalog,
  DiscoverOptions,
  LoadedStrategy,
  LoadedWorkload,
  PluginKind,
  PluginSource,
} from './discovery/index.js';
// Discovery: built-ins, concur.config.*, and declared dependencies with a "concur" manifest.
export { CONFIG_FILES, describeSource, discover, pickStrategies, pickWorkload } from './discovery/index.js';
export type { RunBaselineOptions } from './engine/baseline.js';
// The engine: dispatch, timeouts, replacement, cancellation, timing; the sequential baseline.
export { baselineStrategy, runBaseline } from './engine/baseline.js';
export type { LiveSnapshot, LiveUnit, RunPhase, UnitState } from './engine/live-state.js';
export { LiveRun } from './engine/live-state.js';
export type { ItemFailure, OutputChunk, RunRecord, UnitRecord } from './engine/run-record.js';
export { BASELINE_NAME } from './engine/run-record.js';
export type { RunResult, RunStrategyOptions } from './engine/run-strategy.js';
export { runStrategy } from './engine/run-strategy.js';
export { expected, InputError, inputProblem } from './errors.js';
export type { CompareEvent, CompareOptions, Comparison, StrategyChoice } from './orchestrate/compare.js';
// Orchestration: each measured run in an engine process of its own; services in theirs; whole comparisons.
export { compare } from './orchestrate/compare.js';
export type { EngineProcessOptions } from './orchestrate/engine-process.js';
export { EngineFailure, runInEngineProcess } from './orchestrate/engine-process.js';
export type { EngineJob, ServiceUsage } from './orchestrate/messages.js';
export type { PlannedRun } from './orchestrate/plan.js';
export { planRuns } from './orchestrate/plan.js';
export type { RunningServices } from './orchestrate/services.js';
export { startServices } from './orchestrate/services.js';
export type { ReportSettings } from './orchestrate/to-report.js';
export { comparisonToReport } from './orchestrate/to-report.js';
export type { ReportInput } from './report/build.js';
// Reports: one versioned JSON document; Markdown and CSV views; atomic writes.
export { buildReport, describeMachine } from './report/build.js';
export { reportToCsv } from './report/csv.js';
export type { DiffLabels, DiffRow, DiffSide, DiffWarning, ReportDiff, UnmatchedRow } from './report/diff.js';
export { DIFF_SCHEMA, DIFF_VERSION, DRIFT_NOTE, diffReports } from './report/diff.js';
export { formatBytes, formatDuration, formatPercent, formatRatio } from './report/format.js';
export { reportToMarkdown } from './report/markdown.js';
export { validateReportDiff } from './report/read-diff.js';
export { validateReport } from './report/read-report.js';
export { recommend } from './report/recommend.js';
export { summarize } from './report/summarize.js';
export type {
  Machine,
  Report,
  Settings,
  StrategySummary,
  StrategyTraits,
  Uncertain,
  VerdictLine,
  WallSummary,
  WorkloadInfo,
} from './report/types.js';
export { REPORT_SCHEMA, REPORT_VERSION } from './report/types.js';
export type { ReportFormat } from './report/write.js';
export { renderReport, writeFileAtomic, writeReport } from './report/write.js';
export { confidenceInterval95, tCritical95 } from './stats/confidence.js';
export { max, mean, median, min, quantile, sd } from './stats/descriptive.js';
export { modifiedZScores, OUTLIER_THRESHOLD, outlierIndexes } from './stats/outliers.js';
export { ratioOfMeans } from './stats/ratio.js';
// Statistics: what the summary and verdict are computed with.
export { compareSamples, SINGLE_RUN_THRESHOLD } from './stats/significance.js';
// The unit side every strategy shares: load a task, run items, turn errors into values.
export { describeError } from './unit-kit/describe-error.js';
export { ItemSignal } from './unit-kit/item-signal.js';
export { loadTask, TaskLoadError, toTaskRef } from './unit-kit/load-task.js';
export { MessageBatch } from './unit-kit/message-batch.js';
export { TaskHost } from './unit-kit/task-host.js';
export type { CustomWorkloadOptions } from './workload/custom-workload.js';
// Workload params from the command line, and a user's own task raced as a workload.
export { customWorkload } from './workload/custom-workload.js';
export type { RawParams } from './workload/params.js';
export { parseParam, resolveParams, splitParamFlag } from './workload/params.js';
