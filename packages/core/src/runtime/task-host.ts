import { performance } from 'node:perf_hooks';
import type { Outcome, WorkItem } from '../contract/strategy.js';
import type { Task, TaskRef } from '../contract/task.js';
import { describeError } from './describe-error.js';
import { loadTask } from './load-task.js';

/**
 * The part of a unit every strategy shares: import the task once, run `setup` once, run items with a
 * fresh context each (signal, progress), time them, turn errors into values, run `teardown` on close.
 * A strategy wraps a TaskHost in its own transport (IPC, worker messages, a plain call).
 */
export class TaskHost {
  /** The items in flight, by index, each with its AbortController once one was needed. */
  private readonly inFlight = new Map<number, { controller?: AbortController }>();

  private constructor(
    readonly task: Task,
    readonly unit: number,
    private readonly progress: (fraction: number) => void,
  ) {}

  /** Import the task and run its setup. Rejects (with a TaskLoadError or the setup's error) if either fails. */
  static async open(ref: TaskRef, unit: number, progress: (fraction: number) => void): Promise<TaskHost> {
    const task = await loadTask(ref);
    await task.setup?.({ unit });
    return new TaskHost(task, unit, progress);
  }

  /** Run one item. Never rejects; `serviceMs` is measured around the task's own `run`. */
  async run(item: WorkItem): Promise<Outcome> {
    const slot: { controller?: AbortController } = {};
    this.inFlight.set(item.index, slot);
    this.progress(0);
    // The AbortController is made when the task first reads `ctx.signal` (or the item is aborted): it costs
    // a few microseconds and some garbage, which an item of tiny work, or one that never looks, should not pay.
    const ctx = {
      unit: this.unit,
      progress: this.progress,
      get signal(): AbortSignal {
        slot.controller ??= new AbortController();
        return slot.controller.signal;
      },
    };
    const start = performance.now();
    try {
      const value = await this.task.run(item.input, ctx);
      this.progress(1);
      return { ok: true, value, serviceMs: performance.now() - start };
    } catch (error) {
      return { ok: false, error: describeError(error), serviceMs: performance.now() - start };
    } finally {
      this.inFlight.delete(item.index);
    }
  }

  /** Abort the signal of one item in flight, or of all of them. */
  abort(index?: number, reason: string = 'cancelled'): void {
    for (const [key, slot] of this.inFlight)
      if (index === undefined || key === index) {
        slot.controller ??= new AbortController();
        slot.controller.abort(new Error(reason));
      }
  }

  async close(): Promise<void> {
    this.abort(undefined, 'unit closing');
    await this.task.teardown?.();
  }
}
