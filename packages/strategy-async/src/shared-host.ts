import { TaskHost, type TaskRef, toTaskRef } from '@concur/core/runtime';

/**
 * One TaskHost per task module for the whole process, shared by every slot: the module is imported once
 * and its `setup` runs once, however many slots run it. A slot claims the host on spawn and lets go on
 * close or kill; the last graceful close runs the task's `teardown`.
 */
export interface SharedHost {
  readonly ref: TaskRef;
  /** Set once the import and setup are done; a spawn that finds it set needs no await at all. */
  host: TaskHost | undefined;
  /** The import and setup in progress (or done), awaited by every spawn that arrives before they finish. */
  readonly opening: Promise<TaskHost>;
  /** Slots currently holding this host. */
  users: number;
}

const hosts = new Map<TaskRef, SharedHost>();
/** Teardowns still running, so that a new setup for the same task waits for the old teardown to end. */
const teardowns = new Map<TaskRef, Promise<void>>();

/** Claim the shared host of `task` for one slot, importing and setting it up on first use. */
export function claimHost(task: TaskRef, unit: number): SharedHost {
  const ref = toTaskRef(task);
  let shared = hosts.get(ref);
  if (!shared) shared = openHost(ref, unit);
  shared.users += 1;
  return shared;
}

function openHost(ref: TaskRef, unit: number): SharedHost {
  const opening = (async () => {
    await teardowns.get(ref);
    // Progress is per item and goes through each slot's own context, so the host's own callback is unused.
    return TaskHost.open(ref, unit, () => {});
  })();
  const shared: SharedHost = { ref, host: undefined, opening, users: 0 };
  hosts.set(ref, shared);
  opening.then(
    (host) => {
      shared.host = host;
    },
    // A failed import or setup is not cached: every waiting spawn sees the error, a later spawn retries.
    () => {
      if (hosts.get(ref) === shared) hosts.delete(ref);
    },
  );
  return shared;
}

/**
 * Give up one slot's claim. `graceful` (a close) tears the task down when no slot is left; a kill never
 * runs teardown, and leaves the host set up for the replacement slot the engine starts next. Returns the
 * teardown when this claim started one, else undefined: 9,999 of 10,000 closes have nothing to wait for,
 * and should not pay for a promise, let alone a timer, each.
 */
export function releaseHost(shared: SharedHost, graceful: boolean): Promise<void> | undefined {
  shared.users -= 1;
  if (shared.users > 0 || !graceful || hosts.get(shared.ref) !== shared) return undefined;
  hosts.delete(shared.ref);
  const host = shared.host;
  if (!host) return undefined;
  const teardown = host.close().finally(() => {
    if (teardowns.get(shared.ref) === teardown) teardowns.delete(shared.ref);
  });
  teardowns.set(shared.ref, teardown);
  return teardown;
}
