/**
 * `@concur/core/runtime`: the unit kit — what code inside a unit needs, and what a strategy whose units live
 * in another execution context is written on — and nothing else, so that a worker thread or a child process
 * starts without importing the engine, the statistics or discovery. Task modules import `defineTask` from
 * here too: a task is loaded inside every unit, and its imports count in the wall time.
 */
export { ProgressCell } from '../contract/progress-cell.js';
export type {
  Failure,
  FailureKind,
  Outcome,
  SpawnSpec,
  Unit,
  UnitExit,
  UnitSample,
  WorkItem,
} from '../contract/strategy.js';
export type { SetupContext, Task, TaskContext, TaskKind, TaskRef } from '../contract/task.js';
export { defineTask } from '../contract/task.js';
export {
  ABORT_GRACE_MS,
  type ChannelState,
  ChannelUnit,
  type ChannelUnitOptions,
  type Transport,
} from './channel-unit.js';
export { describeError } from './describe-error.js';
export { nodeExitMeaning } from './exit-codes.js';
export { failed, InFlight } from './in-flight.js';
export { ItemSignal } from './item-signal.js';
export { loadTask, TaskLoadError, toTaskRef } from './load-task.js';
export { LoopDelay, type LoopDelayFigures } from './loop-delay.js';
export { MessageBatch } from './message-batch.js';
export { type OrphanWatchdogOptions, startOrphanWatchdog } from './orphan-watchdog.js';
export { DEFAULT_MAX_OUTPUT_BYTES, OutputCapture } from './output-capture.js';
export { type MemoryFigures, readProcCpu, readProcMemory, readStatCpu } from './proc-stat.js';
export { processFigures } from './process-figures.js';
export { type ServeOptions, serveUnit, type UnitEndpoint } from './serve-unit.js';
export { TaskHost } from './task-host.js';
export { type CpuTimes, ownThreadCpu, ownThreadId, readThreadCpu } from './thread-cpu.js';
export { throttledProgress } from './throttled-progress.js';
export { TIMED_OUT, withinMs } from './wait.js';
export type { FromUnit, ItemResult, RunRequest, ToUnit } from './wire.js';
