// Plain progress follows a steady clock, not the event rate: snapshots arrive ten times a second, a
// progress line comes out at most once a second, and only while a run goes.

import type { RunRecord } from '@concur/core';
import type { CompareEvent, LiveSnapshot, PlannedRun } from '@concur/core/orchestrate';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { painter } from '../src/cli/colour.js';
import { ProgressLines } from '../src/plain/progress-lines.js';

const planned: PlannedRun = { strategy: 'thread', concurrency: 2, run: 1, warmup: false };

function snapshot(done: number, elapsedMs: number): LiveSnapshot {
  return {
    strategy: 'thread',
    run: 1,
    warmup: false,
    concurrency: 2,
    phase: 'running',
    elapsedMs,
    total: 100,
    done,
    failed: 0,
    inFlight: 2,
    throughput: 10,
    etaMs: (100 - done) * 100,
    replacements: 0,
    loopDelay: { p50Ms: 1, p99Ms: 2, maxMs: 3 },
    units: [],
    unitCount: 2,
    progressHistogram: new Array<number>(10).fill(0),
  };
}

const record = {
  wallMs: 2_500,
  items: { total: 100, done: 100, failed: 0 },
  replacements: 0,
  cancelled: false,
} as RunRecord;

let lines: string[];
let progress: ProgressLines;
beforeEach(() => {
  vi.useFakeTimers();
  lines = [];
  const out = {
    write: (text: string) => lines.push(...text.split('\n').filter(Boolean)),
  } as unknown as NodeJS.WritableStream;
  progress = new ProgressLines(out, { paint: painter(false), workload: 'sleep' });
});
afterEach(() => {
  progress.stop();
  vi.useRealTimers();
});

const emit = (event: CompareEvent) => progress.onEvent(event);

describe('ProgressLines', () => {
  it('prints at most one progress line per second however many snapshots arrive', () => {
    emit({ type: 'plan', plan: [planned], items: 100 });
    emit({ type: 'run-start', planned, position: 0 });
    for (let tenth = 1; tenth <= 25; tenth += 1) {
      emit({ type: 'snapshot', snapshot: snapshot(tenth * 4, tenth * 100) });
      vi.advanceTimersByTime(100);
    }
    emit({ type: 'run-end', planned, record });
    vi.advanceTimersByTime(3_000);

    expect(lines).toEqual([
      'sleep: plan: 1 run of 100 items each (thread)',
      '[1/1] thread ×2 run 1 …',
      // The latest snapshot at each whole second, not every snapshot.
      '  thread ×2 1.00 s: 40/100 done, 2 in flight, 10.0 items/s, ETA 6.00 s',
      '  thread ×2 2.00 s: 80/100 done, 2 in flight, 10.0 items/s, ETA 2.00 s',
      '[1/1] thread ×2 run 1: 2.50 s, 100/100 done',
    ]);
  });

  it('prints nothing between runs or when no new snapshot came', () => {
    emit({ type: 'plan', plan: [planned], items: 100 });
    emit({ type: 'run-start', planned, position: 0 });
    emit({ type: 'snapshot', snapshot: snapshot(10, 900) });
    vi.advanceTimersByTime(5_000);
    emit({ type: 'run-end', planned, record });
    emit({ type: 'snapshot', snapshot: snapshot(100, 2_600) }); // a late one, after the run ended
    vi.advanceTimersByTime(5_000);
    expect(lines.filter((line) => line.startsWith('  '))).toHaveLength(1);
  });
});
