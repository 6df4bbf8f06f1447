/**
 * The one wire protocol between a unit's main side and the code that runs its items (a worker thread, a
 * child process, a worker behind a broker, another language's interpreter). Every message is plain data
 * that JSON can carry too, so a unit in another runtime speaks it as well as Node does. Items go out, and
 * results come back, in batches: one message per turn of the loop that hands or settles them.
 */
import type { Failure, UnitSample } from '../contract/strategy.js';

/**
 * One item to run. `id` is the unit's own sequence number for it, unique while it is in flight; `index`
 * is the item's place in the workload's input list, as the contract's `WorkItem.index` documents.
 */
export interface RunRequest {
  readonly id: number;
  readonly index: number;
  readonly input: unknown;
}

/** The outcome of one item on its way back; `ms` is its service time, measured around the task's `run`. */
export type ItemResult =
  | { readonly id: number; readonly ok: true; readonly value: unknown; readonly ms: number }
  | { readonly id: number; readonly ok: false; readonly error: Failure; readonly ms: number };

/** Main side → unit. */
export type ToUnit =
  /** Run these items: all that were handed to the unit in one turn of the engine's loop. */
  | { readonly t: 'run'; readonly items: readonly RunRequest[] }
  /** Answer with a `figures` message. */
  | { readonly t: 'figures' }
  /**
   * Abort the signal of every item in flight, with `reason`: the unit is about to be ended by force, and a
   * task that honours its signal gets a short grace to close a file or end a transaction first.
   */
  | { readonly t: 'abort'; readonly reason: string }
  /** Run the task's teardown, answer `closed` with the final figures, then end. */
  | { readonly t: 'close' };

/** Unit → main side. */
export type FromUnit =
  /** The task is imported and set up: the unit takes items from now on. `info` is the transport's own. */
  | { readonly t: 'ready'; readonly info?: unknown }
  /** The task could not be imported, or its setup threw; the unit ends after sending this. */
  | { readonly t: 'setup-failed'; readonly error: Failure }
  /** Items that settled in one turn of the unit's loop, in the order they did. */
  | { readonly t: 'results'; readonly results: readonly ItemResult[] }
  /** The current item's progress, for transports without shared memory (sent throttled). */
  | { readonly t: 'progress'; readonly fraction: number }
  /** The unit's own figures, as it measures them. */
  | { readonly t: 'figures'; readonly figures: UnitSample }
  /** An uncaught exception is about to end the unit: one line saying which. */
  | { readonly t: 'fatal'; readonly message: string }
  /** The last word of a graceful close: final figures, and the teardown's error if it threw. */
  | { readonly t: 'closed'; readonly figures: UnitSample; readonly teardownError?: string };
