/**
 * Messages that arise in one turn of the event loop leave together: a unit with many items in flight
 * would otherwise pay a serialisation, a header and a write (IPC) or a wake-up of the other thread
 * (postMessage) per item — about as much CPU as a loopback request's own client work. Strategies batch
 * both ways with this: items handed to a unit, and results coming back.
 *
 * `send` must throw synchronously when something in the batch cannot be serialised (as `process.send`
 * with the advanced serialisation and `postMessage` do); the batch is then sent one message per entry, and
 * `refused` is told of each entry that still cannot travel, so that only it fails.
 */
export class MessageBatch<T> {
  private waiting: T[] = [];
  private scheduled = false;

  /**
   * @param schedule when to send what is waiting: `queueMicrotask` (nothing waits for a turn of the loop)
   *   or `setImmediate` (everything that settles in this turn's I/O callbacks goes together)
   */
  constructor(
    private readonly send: (batch: T[]) => void,
    private readonly refused: (entry: T, error: unknown) => void,
    private readonly schedule: (flush: () => void) => void,
  ) {}

  add(entry: T): void {
    this.waiting.push(entry);
    if (this.scheduled) return;
    this.scheduled = true;
    this.schedule(() => this.flush());
  }

  /** Send what is waiting now (also before a unit's last word, so nothing settled is lost). */
  flush(): void {
    this.scheduled = false;
    const batch = this.waiting;
    if (batch.length === 0) return;
    this.waiting = [];
    try {
      this.send(batch);
    } catch {
      for (const entry of batch)
        try {
          this.send([entry]);
        } catch (error) {
          this.refused(entry, error);
        }
    }
  }
}
