/**
 * The messages between the engine (parent) and a unit's child process. They travel over the IPC channel
 * with `serialization: 'advanced'`, so inputs and outputs keep structured-clone semantics.
 */
import type { Outcome, UnitSample } from '@concur/core';

/**
 * One item to run. `id` is the unit's own sequence number for the item, unique while it is in flight;
 * `index` is the item's place in the run (for messages about it; the child ignores it).
 */
export interface RunRequest {
  readonly id: number;
  readonly index: number;
  readonly input: unknown;
}

/** Engine → unit. */
export type ToUnit =
  /** Run these items: all that were handed to the unit in one turn of the engine's loop. */
  | { readonly type: 'run'; readonly items: readonly RunRequest[] }
  /** Answer with a `sample` message. */
  | { readonly type: 'sample' }
  /** Run the task's teardown, answer `closed` with the final figures, then exit. */
  | { readonly type: 'close' };

/** One settled item: its `id` from the `run` message, and its outcome. */
export interface DoneResult {
  readonly id: number;
  readonly outcome: Outcome;
}

/** Unit → engine. */
export type FromUnit =
  /** The task is imported and its setup has run: the unit takes items from now on. */
  | { readonly type: 'ready' }
  /** The task could not be imported or its setup threw; the child exits after sending this. */
  | { readonly type: 'setup-failed'; readonly message: string }
  /** Items that settled in one turn of the child's loop, in the order they did. */
  | { readonly type: 'done'; readonly results: readonly DoneResult[] }
  /** The latest progress of the current item, throttled in the child. */
  | { readonly type: 'progress'; readonly fraction: number }
  | { readonly type: 'sample'; readonly sample: UnitSample }
  /** An uncaught exception is about to end the child: one line saying which. */
  | { readonly type: 'fatal'; readonly message: string }
  /** The last message of a graceful close: the child's final figures. */
  | { readonly type: 'closed'; readonly sample: UnitSample };
