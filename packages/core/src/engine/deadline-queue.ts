/**
 * Item timeouts with one timer for the whole run.
 *
 * A timer per item (set on dispatch, cleared on settle) costs about 5 % of a loopback GET's client CPU, and
 * the engine would pay it on every item of every strategy, on its own thread. Every item of a run has the
 * same timeout, so deadlines fall due in the order items were dispatched: a queue in that order needs only
 * the oldest item still pending watched. Items that settled are dropped from the front as they
 * reach it, so the queue spans the items in flight, not the whole run.
 */

interface Entry<T> {
  readonly item: T;
  readonly deadline: number;
}

/** Drop the consumed front of the array once it is this long and more than half of it. */
const COMPACT_AFTER = 1_024;

export class DeadlineQueue<T> {
  private entries: Entry<T>[] = [];
  private head = 0;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  /**
   * @param isPending whether an item is still waiting for its outcome (settled items are skipped)
   * @param expire called once for a pending item whose deadline has passed
   */
  constructor(
    private readonly timeoutMs: number,
    private readonly isPending: (item: T) => boolean,
    private readonly expire: (item: T) => void,
  ) {}

  add(item: T): void {
    if (this.stopped || !Number.isFinite(this.timeoutMs)) return;
    this.entries.push({ item, deadline: performance.now() + this.timeoutMs });
    // The timer only ever waits for the oldest entry: a later one cannot be due sooner.
    this.timer ??= setTimeout(() => this.due(), this.timeoutMs);
  }

  /** An item settled: forget the front entries that need no watching any more (amortised O(1)). */
  settled(): void {
    while (this.head < this.entries.length && !this.isPending(this.front().item)) this.head += 1;
    if (this.head >= COMPACT_AFTER && this.head * 2 >= this.entries.length) {
      this.entries = this.entries.slice(this.head);
      this.head = 0;
    }
  }

  /** Entries still held, pending or not yet dropped (to check that the queue stays short). */
  get held(): number {
    return this.entries.length - this.head;
  }

  /** Nothing is pending: forget every entry and drop the timer, and go on taking new ones. */
  clear(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.entries = [];
    this.head = 0;
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.entries = [];
    this.head = 0;
  }

  private front(): Entry<T> {
    return this.entries[this.head] as Entry<T>;
  }

  private due(): void {
    this.timer = undefined;
    const now = performance.now();
    this.settled();
    while (!this.stopped && this.head < this.entries.length && this.front().deadline <= now) {
      const { item } = this.front();
      this.head += 1;
      // Expiring one item may settle others (its unit's items): the skip below sees to them.
      this.expire(item);
      this.settled();
    }
    if (this.stopped || this.head >= this.entries.length) return;
    // Timers may fire a hair early against this clock; wait at least a millisecond for the rest.
    this.timer = setTimeout(() => this.due(), Math.max(1, this.front().deadline - now));
  }
}
