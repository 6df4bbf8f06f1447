// @concur/core: what the author of a task, a workload or a strategy plugin uses. The command line's
// machinery (comparisons, discovery, reports, the engine) is `@concur/core/orchestrate`; the code that runs
// inside a unit is `@concur/core/runtime`; the conformance suite is `@concur/core/testkit`.

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
export { API_VERSION, defineStrategy } from './contract/strategy.js';
export type { SetupContext, Task, TaskContext, TaskKind, TaskRef } from './contract/task.js';
export { defineTask } from './contract/task.js';
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
export {
  defineService,
  defineWorkload,
  NODE_RUNTIME,
  taskFor,
  workloadShapeProblem,
} from './contract/workload.js';
// What a run measured, and the report made of it, as a reader of one sees them.
export type { ItemFailure, OutputChunk, RunRecord, UnitRecord } from './engine/run-record.js';
export { BASELINE_NAME } from './engine/run-record.js';
export type { ItemOutcome, RunTimeline } from './engine/run-timeline.js';
export { ITEM_OUTCOMES, NOT_SETTLED } from './engine/run-timeline.js';
// Bad input, said in one line: what an author throws from `validateOptions` or a task's checks.
export { expected, InputError, inputProblem } from './errors.js';
export type { ScalingFit, ScalingPoint, ScalingPrediction } from './report/scaling.js';
export type {
  Machine,
  Report,
  ServiceUsage,
  Settings,
  StrategySummary,
  StrategyTraits,
  Uncertain,
  VerdictLine,
  WallSummary,
  WorkloadInfo,
} from './report/types.js';
