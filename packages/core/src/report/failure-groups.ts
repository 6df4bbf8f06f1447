/**
 * Why items failed, in a few lines a person can read: failures of one strategy at one concurrency grouped by
 * kind and message, with counts ("300 × threw: connect ECONNREFUSED 127.0.0.1:1"), the most frequent first,
 * capped so that a flood of distinct messages (each naming its own item, say) stays readable.
 */
import type { FailureKind } from '../contract/strategy.js';
import type { RunRecord } from '../engine/run-record.js';

/** Failures of one kind with one message. */
export interface FailureGroup {
  readonly kind: FailureKind;
  readonly message: string;
  readonly count: number;
}

/** The failure reasons of one strategy at one concurrency, over its measured runs. */
export interface FailureReasons {
  readonly strategy: string;
  readonly concurrency: number;
  /** The most frequent groups, at most `limit` of them. */
  readonly groups: readonly FailureGroup[];
  /** Failures in groups left out by the cap, and how many such groups. */
  readonly otherFailures: number;
  readonly otherGroups: number;
}

/** Groups shown per strategy unless asked otherwise. */
export const FAILURE_GROUPS_SHOWN = 5;

/** Longest message a view prints for a group; the report keeps the stored message whole. */
export const FAILURE_MESSAGE_SHOWN = 160;

/**
 * Failure reasons per strategy and concurrency, in the order the rows first ran; warmups left out, as the
 * summary leaves them out. Rows without failures are not listed.
 */
export function failureReasons(
  runs: readonly RunRecord[],
  limit: number = FAILURE_GROUPS_SHOWN,
): FailureReasons[] {
  const rows = new Map<
    string,
    { strategy: string; concurrency: number; counts: Map<string, FailureGroup> }
  >();
  for (const run of runs) {
    if (run.warmup || run.failures.length === 0) continue;
    const key = `${run.strategy}\u0000${run.concurrency}`;
    let row = rows.get(key);
    if (!row) {
      row = { strategy: run.strategy, concurrency: run.concurrency, counts: new Map() };
      rows.set(key, row);
    }
    for (const { kind, message } of run.failures) {
      const groupKey = `${kind}\u0000${message}`;
      const group = row.counts.get(groupKey);
      row.counts.set(groupKey, { kind, message, count: (group?.count ?? 0) + 1 });
    }
  }
  return [...rows.values()].map(({ strategy, concurrency, counts }) => {
    const all = [...counts.values()].sort((a, b) => b.count - a.count);
    const left = all.slice(limit);
    return {
      strategy,
      concurrency,
      groups: all.slice(0, limit),
      otherFailures: left.reduce((sum, group) => sum + group.count, 0),
      otherGroups: left.length,
    };
  });
}

/** "300 × threw: connect ECONNREFUSED 127.0.0.1:1", the message cut to one readable line. */
export function failureGroupText(group: FailureGroup): string {
  return `${group.count} × ${group.kind}: ${oneLine(group.message, FAILURE_MESSAGE_SHOWN)}`;
}

/** "… and 12 more failures with 9 other reasons" for what the cap left out; undefined when nothing was. */
export function otherFailuresText(reasons: FailureReasons): string | undefined {
  if (reasons.otherGroups === 0) return undefined;
  const failures = `${reasons.otherFailures} more failure${reasons.otherFailures === 1 ? '' : 's'}`;
  const groups = `${reasons.otherGroups} other reason${reasons.otherGroups === 1 ? '' : 's'}`;
  return `… and ${failures} with ${groups} (every one is in the JSON and CSV reports)`;
}

function oneLine(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}
