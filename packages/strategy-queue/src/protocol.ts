/**
 * What travels through the broker, and where. A unit is one BullMQ queue, with three pub/sub channels beside
 * it: the kit's `run` batches become jobs on the queue; everything else the kit says to the unit goes on
 * `to`; everything the unit says back goes on `from`, and a remote worker's supervisor speaks on `from` and
 * listens on `ctl`. Pub/sub leaves no key behind, and the queue's keys all live under the run's prefix.
 *
 * Values travel in V8's serialization format (Node's structured clone, as the process strategy's IPC):
 * `Map`, `Set`, `Date`, `BigInt`, typed arrays and cycles arrive as they left, and what cannot be cloned (a
 * function, a symbol) throws at once, on the side that sent it.
 */
import { deserialize, serialize } from 'node:v8';
import type { FromUnit, ToUnit } from '@concur/core/runtime';

/** Where one unit lives on the broker, and what its process needs to serve it. */
export interface UnitConfig {
  /** The Redis URL. */
  readonly broker: string;
  /** BullMQ's key prefix for this run: `<prefix option>:<run id>`. Every key of the run starts with it. */
  readonly run: string;
  /** The unit's queue: `u<slot>-<sequence>`, never reused within a run. */
  readonly queue: string;
  readonly task: string;
  readonly slot: number;
  /** Jobs the unit's BullMQ worker takes at once. */
  readonly inFlight: number;
  /** BullMQ's lock duration for the unit's jobs. */
  readonly lockMs: number;
  /**
   * Whether the unit's process removes the unit's keys itself when whoever forked it is gone: true when the
   * engine forked it (nobody else is left to), false under a remote worker (whose supervisor does it).
   */
  readonly cleanUpIfOrphaned: boolean;
}

/** One item as a job: the kit's request id, the item's index, and its input in V8's format (base64). */
export interface ItemJob {
  readonly i: number;
  readonly x: number;
  readonly d: string;
}

/** The lobby's word: a unit of a run wants a worker. Published again until one joins. */
export interface Invitation {
  readonly unit: UnitConfig;
  /** The engine's Node.js major: V8's format is only sure to round-trip between the same majors. */
  readonly node: number;
}

/** A remote worker's supervisor to the engine, on the unit's `from` channel. */
export type FromSupervisor =
  | { readonly w: 'joined'; readonly host: string; readonly pid: number }
  | { readonly w: 'output'; readonly stream: 'stdout' | 'stderr'; readonly text: string }
  | {
      readonly w: 'exit';
      readonly code: number | null;
      readonly signal: string | null;
      /** The end of the unit process's stderr, for an exit reason. */
      readonly tail: string;
    }
  | { readonly w: 'alive' };

/** The engine to a remote worker's supervisor, on the unit's `ctl` channel. */
export type ToSupervisor = { readonly w: 'kill' } | { readonly w: 'alive?' };

export type FromAnySide = FromUnit | FromSupervisor;

export function channelsOf(unit: Pick<UnitConfig, 'run' | 'queue'>) {
  const base = `${unit.run}:${unit.queue}`;
  return {
    to: `${base}:to`,
    from: `${base}:from`,
    ctl: `${base}:ctl`,
    /** The key a remote worker sets to claim the unit (under the unit's prefix, so cleaned up with it). */
    claim: `${base}:claim`,
    /** Every key of the unit, BullMQ's and the claim. */
    keys: `${base}:*`,
  };
}

/** Where idle remote workers listen for invitations: a channel, so no key is left behind. */
export const lobbyChannel = (prefix: string): string => `${prefix}:lobby`;

/** Throws synchronously when `value` cannot be cloned, as the unit kit expects of a transport. */
export const encode = (value: FromAnySide | ToUnit | ToSupervisor | Invitation): Buffer => serialize(value);

export const decode = <T>(bytes: Buffer): T => deserialize(bytes) as T;

export const encodeInput = (input: unknown): string => serialize(input).toString('base64');

export const decodeInput = (text: string): unknown => deserialize(Buffer.from(text, 'base64'));

export const nodeMajor = (): number => Number(process.versions.node.split('.')[0]);
