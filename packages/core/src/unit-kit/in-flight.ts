import type { FailureKind, Outcome } from '../contract/strategy.js';

/**
 * A failure outcome. `serviceMs` is NaN unless the task really ran: an item that never started has no
 * service time, and a zero would pull a run's service-time median toward 0.
 */
export function failed(kind: FailureKind, message: string, serviceMs = Number.NaN): Outcome {
  return { ok: false, error: { kind, message }, serviceMs };
}

/**
 * The items a unit has in flight, by the id it sent with each: every one settles exactly once, whether its
 * result comes back, it is refused on the way out, or the unit ends with it in flight.
 */
export class InFlight {
  private readonly waiting = new Map<number, (outcome: Outcome) => void>();
  private nextId = 0;

  get size(): number {
    return this.waiting.size;
  }

  /** A fresh id, and the promise its outcome will resolve. */
  add(): { id: number; outcome: Promise<Outcome> } {
    const id = this.nextId++;
    const outcome = new Promise<Outcome>((resolve) => this.waiting.set(id, resolve));
    return { id, outcome };
  }

  /** Settle one item; false if it had settled already (a late answer after a kill, say). */
  settle(id: number, outcome: Outcome): boolean {
    const resolve = this.waiting.get(id);
    if (!resolve) return false;
    this.waiting.delete(id);
    resolve(outcome);
    return true;
  }

  /** Fail every item still in flight with the same reason (none of them ran to the end); returns their ids. */
  failAll(kind: FailureKind, message: string): number[] {
    const ids = [...this.waiting.keys()];
    const waiting = [...this.waiting.values()];
    this.waiting.clear();
    for (const resolve of waiting) resolve(failed(kind, message));
    return ids;
  }
}
