import type { LiveBoard } from './live-board.js';

/** Snapshots come about ten times a second; silence longer than this means the engine's loop is blocked. */
export const STALL_AFTER_MS = 500;
/** Before a run's first snapshot the engine process is still starting up: allow it longer. */
export const FIRST_SNAPSHOT_GRACE_MS = 1500;

/**
 * How long the engine's loop has been blocked during a run, or null while it turns. Two ways to tell: the
 * engine says so in a snapshot it sends from a blocked loop (on a task's progress or a settled item), or it
 * goes silent — the dashboard's own clock keeps going (it is another process).
 */
export function stalledFor(board: LiveBoard, now: number): number | null {
  if (!board.current) return null;
  const reported = board.snapshot?.loopBlockedMs ?? 0;
  if (reported > 0 && board.snapshotAt !== null) return reported + (now - board.snapshotAt);
  const since = board.snapshotAt ?? board.current.startedAt;
  const limit = board.snapshotAt === null ? FIRST_SNAPSHOT_GRACE_MS : STALL_AFTER_MS;
  const silent = now - since;
  return silent > limit ? silent : null;
}
