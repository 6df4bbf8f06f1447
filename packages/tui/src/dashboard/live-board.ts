/**
 * What the live screen shows, kept outside React: `handle` folds each CompareEvent into plain fields and
 * never renders. The screen reads these fields at its own steady rate (see hooks/use-sampled.ts), so a
 * burst of events costs a few assignments, not a re-render each.
 */

import type { RunRecord } from '@concur/core';
import type { CompareEvent, LiveSnapshot, PlannedRun } from '@concur/core/orchestrate';

export interface CurrentRun {
  readonly planned: PlannedRun;
  readonly position: number;
  /** When its run-start arrived, on the dashboard's own clock. */
  readonly startedAt: number;
}

/** Where one strategy stands: its runs so far, whether one is running, how many are left. */
export interface Lane {
  readonly name: string;
  readonly planned: number;
  readonly finished: readonly RunRecord[];
  readonly running: boolean;
}

export class LiveBoard {
  plan: readonly PlannedRun[] = [];
  items = 0;
  servicesReady = false;
  current: CurrentRun | null = null;
  /** The latest snapshot of the current run, and when it arrived (null before the first one). */
  snapshot: LiveSnapshot | null = null;
  snapshotAt: number | null = null;
  readonly records: RunRecord[] = [];

  constructor(private readonly clock: () => number = () => performance.now()) {}

  readonly handle = (event: CompareEvent): void => {
    switch (event.type) {
      case 'plan':
        this.plan = event.plan;
        this.items = event.items;
        break;
      case 'services-ready':
        this.servicesReady = true;
        break;
      case 'run-start':
        this.current = { planned: event.planned, position: event.position, startedAt: this.clock() };
        this.snapshot = null;
        this.snapshotAt = null;
        break;
      case 'snapshot':
        this.snapshot = event.snapshot;
        this.snapshotAt = this.clock();
        break;
      case 'run-end':
        this.records.push(event.record);
        this.current = null;
        this.snapshot = null;
        this.snapshotAt = null;
        break;
    }
  };

  /** One lane per strategy, in the order the plan first names them (the baseline first). */
  lanes(): Lane[] {
    const lanes = new Map<string, { planned: number; finished: RunRecord[] }>();
    for (const run of this.plan) {
      const lane = lanes.get(run.strategy) ?? { planned: 0, finished: [] };
      lane.planned += 1;
      lanes.set(run.strategy, lane);
    }
    for (const record of this.records) lanes.get(record.strategy)?.finished.push(record);
    return [...lanes].map(([name, lane]) => ({
      name,
      planned: lane.planned,
      finished: lane.finished,
      running: this.current?.planned.strategy === name,
    }));
  }

  now(): number {
    return this.clock();
  }
}
