import { ItemSignal, type ProgressCell, type TaskContext } from '@concur/core/runtime';

/**
 * The `ctx` of one item, kept small: with 10,000 items in flight every field counts. Its signal is an
 * ItemSignal's, made only when the task reads `ctx.signal` or the item is aborted, since most tiny items
 * never look; extending it costs no object of its own per item.
 */
export class ItemContext extends ItemSignal implements TaskContext {
  private report: ((fraction: number) => void) | undefined;
  /** False once the item is abandoned, so a task left running cannot write over the next item's progress. */
  live = true;
  /** Whether the task's own `run` has returned or settled, even after the item was abandoned. */
  settled = false;

  constructor(
    readonly unit: number,
    private readonly cell: ProgressCell,
  ) {
    super();
  }

  /**
   * A function, not a method, because tasks may destructure `{ progress }` from ctx; made on first use,
   * because most items never report progress and 10,000 items in flight should not carry one each.
   */
  get progress(): (fraction: number) => void {
    this.report ??= (fraction: number) => {
      if (this.live) this.cell.set(fraction);
    };
    return this.report;
  }

  /** Abort the item's signal (creating it aborted if the task has not read it yet) and detach its progress. */
  abandon(reason: Error): void {
    this.live = false;
    this.abort(reason);
  }
}
