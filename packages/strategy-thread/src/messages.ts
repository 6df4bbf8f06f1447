/**
 * The messages between a unit's main side and its worker thread. Items go out, and results come back, in
 * batches (one message per turn of the loop that hands or settles them; see MessageBatch in core). Kept
 * flat and small on purpose: structured clone pays per field.
 */
import type { Failure } from '@concur/core';

/** What the worker is started with (`workerData`). */
export interface WorkerData {
  readonly task: string;
  readonly unit: number;
  /** The run's progress board and this unit's slot in it: the worker writes progress there, never sends it. */
  readonly progressBuffer: SharedArrayBuffer;
  readonly progressIndex: number;
}

/** What only the worker itself can measure: its isolate's heap, and its CPU time where no /proc is readable. */
export interface WorkerFigures {
  readonly heapUsedBytes: number;
  readonly cpu?: CpuTimes;
}

export interface CpuTimes {
  readonly userMs: number;
  readonly systemMs: number;
}

/** One item to run. `id` is the unit's own sequence number for an item in flight. */
export interface RunRequest {
  readonly id: number;
  /** The item's place in the run, for messages about it (the worker ignores it). */
  readonly index: number;
  readonly input: unknown;
}

/** The outcome of one item, as it travels back. */
export type ItemResult =
  | { readonly t: 'ok'; readonly id: number; readonly value: unknown; readonly ms: number }
  | { readonly t: 'fail'; readonly id: number; readonly error: Failure; readonly ms: number };

/** Main → worker. */
export type ToWorker =
  | { readonly t: 'run'; readonly items: readonly RunRequest[] }
  | { readonly t: 'figures' }
  | { readonly t: 'close' };

/** Worker → main. */
export type FromWorker =
  | { readonly t: 'results'; readonly results: readonly ItemResult[] }
  /** The task is imported and set up. `tid` is the OS thread id, so the main side can read its CPU time. */
  | { readonly t: 'ready'; readonly tid: number | null }
  | { readonly t: 'setup-failed'; readonly error: Failure }
  | { readonly t: 'figures'; readonly figures: WorkerFigures }
  /** Teardown ran (or failed, with `teardownError`); these are the unit's final figures. */
  | { readonly t: 'closed'; readonly figures: WorkerFigures; readonly teardownError?: string };
