/**
 * `@concur/core/runtime`: what code inside a unit needs, and nothing else — so that a worker thread or a
 * child process starts without importing the engine, the statistics or discovery.
 */
export { ProgressCell } from '../contract/progress-cell.js';
export type { Failure, FailureKind, Outcome, UnitSample, WorkItem } from '../contract/strategy.js';
export type { SetupContext, Task, TaskContext, TaskRef } from '../contract/task.js';
export { describeError } from './describe-error.js';
export { loadTask, TaskLoadError, toTaskRef } from './load-task.js';
export { TaskHost } from './task-host.js';
