import type { ProgressCell, TaskContext } from '@concur/core';

/**
 * The `ctx` of one item. The AbortController is made only when the task reads `ctx.signal` or the item is
 * aborted: most tiny items never look at it, and at 100,000 items a controller each is a real cost.
 */
export class ItemContext implements TaskContext {
  private controller: AbortController | undefined;
  /** False once the item is abandoned, so a task left running cannot write over the next item's progress. */
  live = true;
  /** Whether the task's own `run` has returned or settled, even after the item was abandoned. */
  settled = false;

  constructor(
    readonly unit: number,
    private readonly cell: ProgressCell,
  ) {}

  get signal(): AbortSignal {
    this.controller ??= new AbortController();
    return this.controller.signal;
  }

  // An arrow property, not a method: tasks may destructure `{ progress }` from ctx.
  readonly progress = (fraction: number): void => {
    if (this.live) this.cell.set(fraction);
  };

  /** Abort the item's signal (creating it aborted if the task has not read it yet) and detach its progress. */
  abandon(reason: Error): void {
    this.live = false;
    this.controller ??= new AbortController();
    this.controller.abort(reason);
  }
}
