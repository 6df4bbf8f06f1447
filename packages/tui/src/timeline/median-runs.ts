/** The run each timeline view shows: per strategy × concurrency, its measured run of median wall. */
import type { Report, RunRecord } from '@concur/core';

export interface MedianRun {
  readonly run: RunRecord;
  /** Measured runs in its group. */
  readonly of: number;
}

/** One per strategy × concurrency, in the order they first ran; only runs that kept a timeline. */
export function medianRuns(report: Report): MedianRun[] {
  const groups = new Map<string, RunRecord[]>();
  for (const run of report.runs) {
    if (run.warmup) continue;
    const key = `${run.strategy}\u0000${run.concurrency}`;
    groups.set(key, [...(groups.get(key) ?? []), run]);
  }
  return [...groups.values()].flatMap((runs) => {
    // The lower middle of an even count: a run that happened, never an average of two.
    const sorted = [...runs].sort((a, b) => a.wallMs - b.wallMs);
    const run = sorted[Math.floor((sorted.length - 1) / 2)];
    return run?.timeline ? [{ run, of: runs.length }] : [];
  });
}

/** "async ×4 · run 1" or "thread ×2 · run 2, the median of 3". */
export function medianRunLabel({ run, of }: MedianRun): string {
  return `${run.strategy} ×${run.concurrency} · ${of > 1 ? `run ${run.run}, the median of ${of}` : `run ${run.run}`}`;
}
