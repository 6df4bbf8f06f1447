/**
 * The items of a run not yet handed to a unit: fresh ones in input order, and items to run again because
 * their unit was killed for another item's fault. Retries go first, and each item runs a bounded number of
 * times, so a run always ends.
 */

/** Items whose unit was killed for another item's timeout are run again this many times at most. */
const MAX_ATTEMPTS = 2;

export class WorkQueue {
  private next = 0;
  private readonly retries: number[] = [];
  private readonly attempts: Uint8Array;

  constructor(private readonly total: number) {
    this.attempts = new Uint8Array(total);
  }

  /** Whether some item still waits to be handed out. */
  get hasWork(): boolean {
    return this.retries.length > 0 || this.next < this.total;
  }

  /** The next item to hand to a unit, counted as one attempt; undefined when none waits. */
  take(): number | undefined {
    const index = this.nextIndex();
    if (index !== undefined) this.attempts[index] = (this.attempts[index] ?? 0) + 1;
    return index;
  }

  /** Queue an item again; false when it has had its attempts, and must fail instead. */
  runAgain(index: number): boolean {
    if ((this.attempts[index] ?? 0) >= MAX_ATTEMPTS) return false;
    this.retries.push(index);
    return true;
  }

  /** Every item still waiting (retries first), which leaves the queue empty: for a run that gives up. */
  drain(): number[] {
    const left: number[] = [];
    for (let index = this.nextIndex(); index !== undefined; index = this.nextIndex()) left.push(index);
    return left;
  }

  private nextIndex(): number | undefined {
    return this.retries.shift() ?? (this.next < this.total ? this.next++ : undefined);
  }
}
