/**
 * Results leave a unit in batches: every item that settles in the same turn of the child's event loop goes
 * back in one `done` message. A unit with many items in flight (downloads, `inFlight` > 1) would otherwise
 * pay one IPC write per item, a syscall each — more CPU than a loopback request itself. A unit with one
 * item in flight sends one result per message, as before, a turn of the loop later.
 */
import type { Outcome } from '@concur/core';
import type { DoneResult } from './messages.js';

export type SendResults = (results: DoneResult[]) => void;

export class ResultBatch {
  private waiting: DoneResult[] = [];
  private scheduled = false;

  /**
   * `send` must throw synchronously when a value cannot be serialized (as `process.send` does with the
   * advanced serialization); `notCloneable` names the failure that replaces that item's result.
   */
  constructor(
    private readonly send: SendResults,
    private readonly notCloneable: (outcome: Outcome, error: unknown) => Outcome,
  ) {}

  add(id: number, outcome: Outcome): void {
    this.waiting.push({ id, outcome });
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.flush());
  }

  /** Send what is waiting now: before `closed`, and before a dying unit's last word. */
  flush(): void {
    this.scheduled = false;
    const results = this.waiting;
    if (results.length === 0) return;
    this.waiting = [];
    try {
      this.send(results);
    } catch {
      // One result could not travel: send them one by one, so that only that one fails.
      for (const result of results) this.sendAlone(result);
    }
  }

  private sendAlone(result: DoneResult): void {
    try {
      this.send([result]);
    } catch (error) {
      this.send([{ id: result.id, outcome: this.notCloneable(result.outcome, error) }]);
    }
  }
}
