/**
 * The messages between the engine (parent) and a unit's child process. They travel over the IPC channel
 * with `serialization: 'advanced'`, so inputs and outputs keep structured-clone semantics.
 */
import type { Outcome, UnitSample } from '@concur/core';

/** Engine → unit. */
export type ToUnit =
  /** Run one item. `id` is the unit's own sequence number for the item, unique while it is in flight. */
  | { readonly type: 'run'; readonly id: number; readonly input: unknown }
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
  /** Items that settled, in the order they did (see result-batch.ts). */
  | { readonly type: 'done'; readonly results: readonly DoneResult[] }
  /** The latest progress of the current item, throttled in the child. */
  | { readonly type: 'progress'; readonly fraction: number }
  | { readonly type: 'sample'; readonly sample: UnitSample }
  /** An uncaught exception is about to end the child: one line saying which. */
  | { readonly type: 'fatal'; readonly message: string }
  /** The last message of a graceful close: the child's final figures. */
  | { readonly type: 'closed'; readonly sample: UnitSample };
