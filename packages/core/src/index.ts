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
export { expected, InputError } from './errors.js';
// The unit side every strategy shares: load a task, run items, turn errors into values.
export { describeError } from './runtime/describe-error.js';
export { loadTask, TaskLoadError, toTaskRef } from './runtime/load-task.js';
export { TaskHost } from './runtime/task-host.js';
