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
export type { RunBaselineOptions } from './engine/baseline.js';
// The engine: dispatch, timeouts, replacement, cancellation, timing; the sequential baseline.
export { BASELINE_NAME, baselineStrategy, runBaseline } from './engine/baseline.js';
export type { LiveSnapshot, LiveUnit, RunPhase, UnitState } from './engine/live-state.js';
export { LiveRun } from './engine/live-state.js';
export { OutputLog } from './engine/output-log.js';
export type { ItemFailure, OutputChunk, RunRecord, UnitRecord } from './engine/run-record.js';
export type { RunResult, RunStrategyOptions } from './engine/run-strategy.js';
export { runStrategy } from './engine/run-strategy.js';
export { expected, InputError } from './errors.js';
export type { CompareEvent, CompareOptions, Comparison, StrategyChoice } from './runner/compare.js';
// The runner: each measured run in an engine process of its own; services in theirs; whole comparisons.
export { compare } from './runner/compare.js';
export type { EngineProcessOptions } from './runner/engine-process.js';
export { EngineFailure, runInEngineProcess } from './runner/engine-process.js';
export type { EngineJob, ServiceUsage } from './runner/messages.js';
export type { PlannedRun } from './runner/plan.js';
export { planRuns } from './runner/plan.js';
export type { RunningServices } from './runner/services.js';
export { startServices } from './runner/services.js';
// The unit side every strategy shares: load a task, run items, turn errors into values.
export { describeError } from './runtime/describe-error.js';
export { loadTask, TaskLoadError, toTaskRef } from './runtime/load-task.js';
export { TaskHost } from './runtime/task-host.js';
