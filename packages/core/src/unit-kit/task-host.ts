import { performance } from 'node:perf_hooks';
import type { Outcome, WorkItem } from '../contract/strategy.js';
import type { Task, TaskContext, TaskRef } from '../contract/task.js';
import { describeError } from './describe-error.js';
import { ItemSignal } from './item-signal.js';
import { loadTask } from './load-task.js';

/**
 * An item's `ctx`: one object per item that is also its signal's keeper (made on demand), rather than a
 * context, a signal holder and a getter closure each — units run many thousands of items.
 */
class HostContext extends ItemSignal implements TaskContext {
  constructor(
    readonly unit: number,
    readonly progress: (fraction: number) => void,
  ) {
    super();
  }
}

/**
 * The part of a unit every strategy shares: import the task once, run `setup` once, run items with a
 * fresh context each (signal, progress), time them, turn errors into values, run `teardown` on close.
 * A strategy wraps a TaskHost in its own transport (IPC, worker messages, a plain call).
 */
export class TaskHost {
  /** The items in flight, each with its signal (made when first needed). */
  private readonly inFlight = new Set<ItemSignal>();

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
    const ctx = new HostContext(this.unit, this.progress);
    this.inFlight.add(ctx);
    this.progress(0);
    const start = performance.now();
    try {
      const value = await this.task.run(item.input, ctx);
      this.progress(1);
      return { ok: true, value, serviceMs: performance.now() - start };
    } catch (error) {
      return { ok: false, error: describeError(error), serviceMs: performance.now() - start };
    } finally {
      this.inFlight.delete(ctx);
    }
  }

  /** Abort the signal of every item in flight. */
  abort(reason: string): void {
    for (const signal of this.inFlight) signal.abort(new Error(reason));
  }

  async close(): Promise<void> {
    this.abort('unit closing');
    await this.task.teardown?.();
  }
}
