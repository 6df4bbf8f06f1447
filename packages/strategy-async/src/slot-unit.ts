import { performance } from 'node:perf_hooks';
import { setImmediate as nextTurn } from 'node:timers/promises';
import {
  describeError,
  failed,
  type Outcome,
  type SpawnSpec,
  TIMED_OUT,
  type Unit,
  type UnitExit,
  type UnitSample,
  type WorkItem,
  withinMs,
} from '@concur/core/runtime';
import { ItemContext } from './item-context.js';
import { releaseMonitor, sampleLoop } from './loop-monitor.js';
import { releaseHost, type SharedHost } from './shared-host.js';

/** How long a graceful close waits for the task's teardown. */
const CLOSE_GRACE_MS = 3_000;

/**
 * One concurrency slot on the engine's event loop: at most one item at a time, run by a plain call into
 * the shared task. A slot is a few fields and no timer, so 10,000 of them cost next to nothing.
 */
export class SlotUnit implements Unit {
  readonly id: string;
  /**
   * A slot lives inside the engine's own process: it cannot die on its own, so `exited` never settles. One
   * promise per slot, not one shared by all: what the engine hangs on it (a callback holding its run) must
   * go with the slot, not stay for the life of the process.
   */
  readonly exited: Promise<UnitExit> = new Promise(() => {});
  private state: 'open' | 'closed' | 'killed' = 'open';
  private current: ItemContext | undefined;
  private settle: ((outcome: Outcome) => void) | undefined;
  private started = 0;
  private last: UnitSample | undefined;

  constructor(
    private readonly spec: SpawnSpec,
    private readonly shared: SharedHost,
  ) {
    this.id = `slot ${spec.unit}`;
  }

  run(item: WorkItem): Promise<Outcome> {
    const host = this.shared.host;
    if (this.state !== 'open' || !host)
      return Promise.resolve(failed('killed', `${this.id} is ${this.state}; it takes no more items`));
    if (this.current)
      return Promise.resolve(
        failed('threw', `${this.id} was sent item ${item.index} while busy; this is a bug in concur.`),
      );
    const ctx = new ItemContext(this.spec.unit, this.spec.progress);
    this.current = ctx;
    this.spec.progress.set(0);
    this.started = performance.now();
    let result: unknown;
    try {
      result = host.task.run(item.input, ctx);
    } catch (error) {
      return Promise.resolve(this.conclude(ctx, false, error) ?? this.killedMidCall());
    }
    // A synchronous task needs no promise of ours: nothing can interrupt it before it returns.
    if (!isThenable(result)) return Promise.resolve(this.conclude(ctx, true, result) ?? this.killedMidCall());
    return new Promise<Outcome>((resolve) => {
      this.settle = resolve;
      // Promise.resolve returns a native promise as it is, and tames a thenable whose `then` throws.
      Promise.resolve(result).then(
        (value) => this.settleWith(this.conclude(ctx, true, value)),
        (error) => this.settleWith(this.conclude(ctx, false, error)),
      );
    });
  }

  /** The item's outcome, or undefined if it was abandoned meanwhile (it already resolved as killed). */
  private conclude(ctx: ItemContext, ok: boolean, result: unknown): Outcome | undefined {
    ctx.settled = true;
    if (this.current !== ctx) return undefined;
    const serviceMs = performance.now() - this.started;
    this.current = undefined;
    if (!ok) return { ok: false, error: describeError(result), serviceMs };
    this.spec.progress.set(1);
    return { ok: true, value: result, serviceMs };
  }

  /** Only if the task killed its own slot before returning. */
  private killedMidCall(): Outcome {
    return failed('killed', `${this.id} was killed while its task was still being called`);
  }

  private settleWith(outcome: Outcome | undefined): void {
    if (!outcome) return;
    const settle = this.settle;
    this.settle = undefined;
    settle?.(outcome);
  }

  sample(): UnitSample {
    return this.last ?? sampleLoop();
  }

  async close(): Promise<void> {
    if (this.state !== 'open') return;
    this.state = 'closed';
    if (this.current) await this.abandonCurrent('closed');
    this.last = sampleLoop();
    releaseMonitor(true);
    // Only the last slot's close runs the task's teardown; the others have nothing to wait for.
    const tearingDown = releaseHost(this.shared, true);
    if (!tearingDown) return;
    const teardown = tearingDown.then(
      () => true,
      (error: unknown) => {
        this.spec.output('stderr', `[concur: the task's teardown failed: ${describeError(error).message}]\n`);
        return true;
      },
    );
    // Nothing can stop code on this thread: a teardown that never settles is left behind, and said so.
    if ((await withinMs(teardown, CLOSE_GRACE_MS)) === TIMED_OUT)
      this.spec.output(
        'stderr',
        `[concur: the task's teardown did not finish within ${CLOSE_GRACE_MS / 1000} s; it is left running on the shared event loop]\n`,
      );
  }

  async kill(): Promise<void> {
    if (this.state === 'killed') return;
    const wasOpen = this.state === 'open';
    this.state = 'killed';
    if (!wasOpen) return;
    this.last = sampleLoop();
    releaseMonitor(false);
    releaseHost(this.shared, false);
    if (this.current) await this.abandonCurrent('killed');
  }

  /**
   * Nothing can stop code already running on this thread, so the item is abandoned: its signal is aborted,
   * its `run` resolves as killed at once, and if the task has not stopped one turn of the loop later it
   * ignored its signal and goes on running beside the other slots. That is reported, never hidden.
   */
  private async abandonCurrent(how: 'closed' | 'killed'): Promise<void> {
    const ctx = this.current;
    if (!ctx) return;
    const settle = this.settle;
    this.current = undefined;
    this.settle = undefined;
    ctx.abandon(new Error(`${this.id} ${how}`));
    settle?.({
      ok: false,
      error: { kind: 'killed', message: `${this.id} ${how} with the item in flight; the item was abandoned` },
      serviceMs: performance.now() - this.started,
    });
    await nextTurn();
    if (!ctx.settled)
      this.spec.output(
        'stderr',
        `concur: ${this.id} was ${how} but its task ignored ctx.signal and is still running on the shared event loop; the slot is lost and the other slots go on\n`,
      );
  }
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | null)?.then === 'function';
}
