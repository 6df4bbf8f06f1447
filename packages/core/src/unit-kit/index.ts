/**
 * `@concur/core/runtime`: what code inside a unit needs, and nothing else — so that a worker thread or a
 * child process starts without importing the engine, the statistics or discovery. Task modules import
 * `defineTask` from here too: a task is loaded inside every unit, and its imports count in the wall time.
 */
export { ProgressCell } from '../contract/progress-cell.js';
export type { Failure, FailureKind, Outcome, UnitSample, WorkItem } from '../contract/strategy.js';
export type { SetupContext, Task, TaskContext, TaskKind, TaskRef } from '../contract/task.js';
export { defineTask } from '../contract/task.js';
export { describeError } from './describe-error.js';
export { ItemSignal } from './item-signal.js';
export { loadTask, TaskLoadError, toTaskRef } from './load-task.js';
export { MessageBatch } from './message-batch.js';
export { TaskHost } from './task-host.js';
