/**
 * When everything in a run happened: per item its unit, start and end; per unit its spawn, ready and end; the
 * units' CPU and memory samples and the engine's loop delay over time. Stored as columns (an array per field,
 * not an object per item) so that a run of many thousand items adds little to a report. Every time is in
 * milliseconds from the run's start, rounded to the microsecond.
 */
import type { FailureKind } from '../contract/strategy.js';

/** What an item's outcome code means: its index in this list. */
export const ITEM_OUTCOMES = [
  'ok',
  'threw',
  'not-cloneable',
  'unit-exited',
  'killed',
  'timeout',
  'cancelled',
  'spawn-failed',
] as const satisfies readonly ('ok' | FailureKind)[];

export type ItemOutcome = (typeof ITEM_OUTCOMES)[number];

/** The outcome code of an item that never settled (a cancelled run's items still queued). */
export const NOT_SETTLED = -1;

export interface RunTimeline {
  /** Per item, by input index: the index in the record's `units` of the unit it last ran on; -1 for none. */
  readonly itemUnit: readonly number[];
  /** Per item: when it was last handed to a unit; NaN where it never was. */
  readonly itemStartMs: readonly number[];
  /** Per item: when it settled; NaN where it never did. */
  readonly itemEndMs: readonly number[];
  /** Per item: an index into {@link ITEM_OUTCOMES}, or {@link NOT_SETTLED}. */
  readonly itemOutcome: readonly number[];
  /** Per unit, as in the record's `units`: when its spawn began. */
  readonly unitSpawnMs: readonly number[];
  /** Per unit: when it became ready. */
  readonly unitReadyMs: readonly number[];
  /** Per unit: when it ended (closed, killed, or found dead; see its record's `end`); NaN if never seen to. */
  readonly unitEndMs: readonly number[];
  /** The units' own figures as the sampler asked for them, a row per answer. */
  readonly samples: {
    readonly atMs: readonly number[];
    /** Index in the record's `units`. */
    readonly unit: readonly number[];
    /** Cumulative CPU (user + system) of what the sample covers (see its unit's `sample.scope`); NaN unknown. */
    readonly cpuMs: readonly number[];
    /** Resident memory; NaN where the unit could not say. */
    readonly rssBytes: readonly number[];
  };
  /**
   * The engine's loop delay over the run: how late each tick of a steady timer came. A tick late by seconds
   * marks a stretch where the loop was blocked, ending at `atMs`.
   */
  readonly loop: { readonly atMs: readonly number[]; readonly delayMs: readonly number[] };
}

/** Milliseconds kept to the microsecond: enough for any slice, and short in JSON. */
export function toMicros(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}
