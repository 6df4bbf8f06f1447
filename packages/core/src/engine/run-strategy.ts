/**
 * The engine: runs one workload's items on one strategy's units and measures it. Everything that must be
 * identical across strategies lives here — dispatch, timeouts, replacement of dead units, cancellation,
 * timing, CPU and memory accounting — so that a plugin only executes and the comparison stays fair.
 *
 * This file owns the run's phase and the one way a unit is ended; the parts each do one job: the slots
 * (spawn, ready timeout, replacement), the work queue (fresh items, retries), the tally (settle once, the
 * record), the sampler and the shutdown.
 */
import { performance } from 'node:perf_hooks';
import type { FailureKind, Outcome, Strategy, Unit } from '../contract/strategy.js';
import type { TaskRef } from '../contract/task.js';
import { InputError } from '../errors.js';
import { LoopDelay } from '../unit-kit/loop-delay.js';
import { type CpuTimes, ownThreadCpu } from '../unit-kit/thread-cpu.js';
import { checkPositiveInteger, checkTimeout } from './check-options.js';
import { DeadlineQueue } from './deadline-queue.js';
import { LiveRun } from './live-state.js';
import { startLoopTicks } from './loop-ticks.js';
import { OutputLog } from './output-log.js';
import type { RunRecord } from './run-record.js';
import { startSampler } from './sampler.js';
import { closeUnits } from './shutdown.js';
import { type Slot, Slots } from './slots.js';
import { type StopReason, Tally } from './tally.js';
import { WorkQueue } from './work-queue.js';

export interface RunStrategyOptions {
  readonly strategy: Strategy;
  readonly task: TaskRef;
  readonly inputs: readonly unknown[];
  readonly concurrency: number;
  /** The user's options for this strategy. */
  readonly options?: Readonly<Record<string, unknown>>;
  /** Per item; on expiry the unit is killed (and replaced while work remains), the item fails as `timeout`. Default 30 s. */
  readonly timeoutMs?: number;
  /**
   * How long a unit may take to become ready (its task's import and setup). Default: the item timeout, but
   * at least 30 s, so that a short item timeout on a loaded machine does not fail slow process start-ups.
   */
  readonly readyTimeoutMs?: number;
  /** Abort to stop the run: every unit is stopped, items in flight fail as `cancelled`. */
  readonly signal?: AbortSignal;
  readonly run?: number;
  readonly warmup?: boolean;
  /** Called once with the run's live state, for a renderer to snapshot at its own rate. */
  readonly onLive?: (live: LiveRun) => void;
  /**
   * Called on this thread when a unit writes progress here or an item settles. A strategy that runs tasks
   * on the engine's own loop may keep it blocked for seconds; this is the only moment a renderer can then be
   * told anything, so the engine process sends a snapshot from here (throttled).
   */
  readonly onActivity?: () => void;
  /** How often units are sampled for the live screen's CPU and memory columns (default 250 ms); 0 turns it off. */
  readonly sampleEveryMs?: number;
  /** Keep every item's value in the result (tests and fidelity checks). */
  readonly keepValues?: boolean;
}

export interface RunResult extends RunRecord {
  /** Item values by input index, when `keepValues` was set. */
  readonly values?: readonly unknown[];
}

/**
 * Where a run is. `starting`: the first units are spawning (those already ready take items); `running`:
 * every first spawn is done; `stopping`: the run has its {@link StopReason} — no item is handed out and no
 * unit started for work any more — and waits for spawns still under way; `closing`: units are sampled and
 * closed; `done`: the record is built.
 */
export type EnginePhase = 'starting' | 'running' | 'stopping' | 'closing' | 'done';

/** How a unit is ended: what its items in flight fail with, and what its record says. */
interface UnitEnd {
  readonly kind: FailureKind;
  readonly message: string;
  /** The unit record's `end`. */
  readonly end: string;
  /** Items in flight are queued to run again (bounded) instead of failing: they did nothing wrong. */
  readonly retry: boolean;
  /** False for a unit that died on its own: there is nothing left to kill. */
  readonly kill: boolean;
}

/** One item handed to one unit: what its deadline needs to tell whether it is still pending. */
interface Dispatched {
  readonly slot: Slot;
  readonly unit: Unit;
  readonly index: number;
}

export async function runStrategy(options: RunStrategyOptions): Promise<RunResult> {
  return await new StrategyRun(options).start();
}

class StrategyRun {
  private phase: EnginePhase = 'starting';
  private stopReason: StopReason | undefined;
  private readonly concurrency: number;
  private readonly timeoutMs: number;
  private readonly capacity: number;
  private readonly live: LiveRun;
  private readonly log = new OutputLog();
  private readonly loopDelay = new LoopDelay();
  private readonly queue: WorkQueue;
  private readonly tally: Tally;
  private readonly slots: Slots;
  private readonly deadlines: DeadlineQueue<Dispatched>;
  private stopped: () => void = () => {};
  private readonly stoppedOnce = new Promise<void>((resolve) => {
    this.stopped = resolve;
  });

  constructor(private readonly o: RunStrategyOptions) {
    this.concurrency = checkPositiveInteger('concurrency', o.concurrency);
    this.timeoutMs = checkTimeout('timeout', o.timeoutMs ?? 30_000);
    this.deadlines = new DeadlineQueue<Dispatched>(
      this.timeoutMs,
      ({ slot, unit, index }) => slot.unit === unit && slot.inFlight.has(index),
      (dispatched) => this.timedOut(dispatched),
    );
    const problem = o.strategy.validateOptions?.(o.options ?? {});
    if (problem) throw new InputError(problem);
    this.capacity = checkPositiveInteger(
      `strategy "${o.strategy.meta.name}" itemsInFlight`,
      o.strategy.itemsInFlight?.(o.options ?? {}) ?? 1,
    );
    const total = o.inputs.length;
    this.queue = new WorkQueue(total);
    this.tally = new Tally(total, o.keepValues ?? false);
    this.live = new LiveRun(o.strategy.meta.name, o.run ?? 1, o.warmup ?? false, this.concurrency, total);
    this.slots = new Slots(
      {
        strategy: o.strategy,
        task: o.task,
        options: o.options ?? {},
        capacity: this.capacity,
        readyTimeoutMs: o.readyTimeoutMs ?? Math.max(this.timeoutMs, 30_000),
        onActivity: o.onActivity,
      },
      this.tally,
      this.live,
      this.log,
      {
        accepting: () => this.accepting,
        workLeft: () => this.queue.hasWork,
        // A unit that turns up once every item has settled still joins, to be sampled and closed with the
        // others; after a cancel or an abort, or once the run closes, it is closed at once.
        joins: () => this.accepting || (this.phase === 'stopping' && this.stopReason?.why === 'finished'),
        ready: (slot) => this.pump(slot),
        exited: (slot, unit, reason) => {
          if (slot.unit === unit) this.endUnit(slot, unitDied(reason));
        },
        gaveUp: (reason) => this.abort(reason),
      },
    );
  }

  /** Whether items are handed out and units started for them. */
  private get accepting(): boolean {
    return this.phase === 'starting' || this.phase === 'running';
  }

  async start(): Promise<RunResult> {
    this.o.onLive?.(this.live);
    const cpuBefore = process.cpuUsage();
    const threadCpuBefore = ownThreadCpu();
    const startedAt = performance.now();
    this.tally.start();
    const onAbort = () => this.cancel();
    if (this.o.signal?.aborted) this.cancel();
    else this.o.signal?.addEventListener('abort', onAbort, { once: true });
    const stopSampler = startSampler(
      this.o.sampleEveryMs ?? 250,
      this.slots.all,
      this.live,
      this.loopDelay,
      this.tally.timeline,
    );
    const stopLoopTicks = startLoopTicks(this.tally.timeline);
    if (this.tally.complete) this.stop({ why: 'finished' });

    await this.slots.start(this.concurrency);
    const startupMs = (this.slots.lastFirstReadyAt ?? performance.now()) - startedAt;
    this.live.markReady();
    if (this.phase === 'starting') this.phase = 'running';

    await this.stoppedOnce;
    const wallMs = performance.now() - startedAt;
    // CPU over the wall time's window only: the units' teardown below is not in the wall, so not in this.
    const engineCpu = process.cpuUsage(cpuBefore);
    const engineThreadCpu = cpuSince(threadCpuBefore, ownThreadCpu());
    this.deadlines.stop();
    this.phase = 'closing';
    this.live.phase = 'closing';
    stopSampler();
    stopLoopTicks();
    this.o.signal?.removeEventListener('abort', onAbort);
    await closeUnits(this.slots, this.tally, this.live);
    const loopDelay = this.loopDelay.stop();
    this.live.loopDelay = loopDelay;
    this.live.phase = 'done';
    this.phase = 'done';
    return this.tally.record({
      strategy: this.o.strategy.meta.name,
      run: this.o.run ?? 1,
      warmup: this.o.warmup ?? false,
      concurrency: this.concurrency,
      wallMs,
      startupMs,
      engineCpu,
      ...(engineThreadCpu && { engineThreadCpu }),
      replacements: this.slots.replacements,
      loopDelay,
      output: this.log.chunks,
      outputTruncated: this.log.truncated,
      stop: this.stopReason ?? { why: 'finished' },
    });
  }

  /** Decide to stop, for the first reason only; false when the run was stopping already. */
  private stop(reason: StopReason): boolean {
    if (!this.accepting) return false;
    this.stopReason = reason;
    this.phase = 'stopping';
    this.stopped();
    return true;
  }

  private cancel(): void {
    if (!this.stop({ why: 'cancelled' })) return;
    for (const slot of this.slots.all)
      this.endUnit(slot, {
        kind: 'cancelled',
        message: 'run cancelled',
        end: 'killed: run cancelled',
        retry: false,
        kill: true,
      });
  }

  /** Give up: every unit is killed and every item not yet settled fails with the reason. */
  private abort(reason: string): void {
    if (!this.stop({ why: 'aborted', message: reason })) return;
    const failure = { kind: 'spawn-failed', message: reason } as const;
    for (const slot of this.slots.all)
      this.endUnit(slot, { ...failure, end: `killed: ${reason}`, retry: false, kill: true });
    for (const index of this.queue.drain())
      this.settle(index, undefined, { ok: false, error: failure, serviceMs: Number.NaN });
  }

  private pump(slot: Slot): void {
    const unit = slot.unit;
    while (unit && this.accepting && slot.inFlight.size < this.capacity) {
      const index = this.queue.take();
      if (index === undefined) return;
      this.dispatch(slot, unit, index);
    }
  }

  private dispatch(slot: Slot, unit: Unit, index: number): void {
    slot.inFlight.add(index);
    if (slot.entry) this.tally.timeline.began(index, slot.entry.times.order);
    this.deadlines.add({ slot, unit, index });
    this.live.began(slot.index);
    unit.run({ index, input: this.o.inputs[index] }).then(
      (outcome) => this.outcome(slot, unit, index, outcome),
      (error: unknown) =>
        this.outcome(slot, unit, index, {
          ok: false,
          error: { kind: 'threw', message: `strategy broke its contract, run() rejected: ${String(error)}` },
          serviceMs: Number.NaN,
        }),
    );
  }

  private outcome(slot: Slot, unit: Unit, index: number, outcome: Outcome): void {
    // A late answer from a unit already ended: the item was settled then.
    if (slot.unit !== unit || !slot.inFlight.has(index)) return;
    slot.inFlight.delete(index);
    this.settle(index, slot, outcome);
    const error = outcome.ok ? undefined : outcome.error;
    // The unit is gone: never hand it another item. Its other items share its fate.
    if (error?.kind === 'unit-exited' || error?.kind === 'killed')
      this.endUnit(slot, unitDied(error.message));
    else if (error?.unitGone)
      this.endUnit(slot, {
        kind: 'unit-exited',
        message: `the unit ended with item ${index}: ${error.message}`,
        end: `ended with item ${index}: ${error.message}`,
        retry: false,
        kill: true,
      });
    else this.pump(slot);
  }

  private timedOut({ slot, unit, index }: Dispatched): void {
    if (slot.unit !== unit || !slot.inFlight.has(index)) return;
    slot.inFlight.delete(index);
    const seconds =
      this.timeoutMs >= 1000 ? `${+(this.timeoutMs / 1000).toFixed(2)} s` : `${this.timeoutMs} ms`;
    this.settle(index, slot, {
      ok: false,
      // Whether a unit takes its place is the run's to tell (its record's `replacements`): with no work
      // left, none does.
      error: { kind: 'timeout', message: `timed out after ${seconds}; its unit was killed` },
      serviceMs: Number.NaN,
    });
    this.endUnit(slot, {
      kind: 'killed',
      message: `unit killed because item ${index} timed out`,
      end: `killed: item ${index} timed out`,
      retry: true,
      kill: true,
    });
  }

  /**
   * The one way a unit is ended: its items in flight fail with `how` (or go back to the queue), the slot
   * lets go of it, it is killed unless it died on its own, and a replacement starts while the run has work.
   */
  private endUnit(slot: Slot, how: UnitEnd): void {
    const unit = slot.unit;
    if (!unit) return;
    for (const index of slot.inFlight) {
      if (how.retry && this.queue.runAgain(index)) continue;
      this.settle(index, slot, {
        ok: false,
        error: { kind: how.kind, message: how.message },
        serviceMs: Number.NaN,
      });
    }
    slot.inFlight.clear();
    this.slots.detach(slot, how.end);
    if (how.kill) this.slots.kill(unit);
    this.slots.replace(slot);
  }

  /** Settle an item once, on `slot`'s current unit or (undefined) on none. */
  private settle(index: number, slot: Slot | undefined, outcome: Outcome): void {
    const slotIndex = slot?.index ?? -1;
    if (!this.tally.settle(index, slotIndex, slot?.entry, outcome)) return;
    this.live.settled(slotIndex, outcome.ok);
    this.deadlines.settled();
    this.o.onActivity?.();
    if (this.tally.complete) this.stop({ why: 'finished' });
  }
}

/** How a unit that died on its own is ended: its items in flight fail as `unit-exited` with its reason. */
function unitDied(reason: string): UnitEnd {
  return { kind: 'unit-exited', message: reason, end: reason, retry: false, kill: false };
}

/** CPU time from `before` to `after`, where both could be read. */
function cpuSince(before: CpuTimes | undefined, after: CpuTimes | undefined): CpuTimes | undefined {
  if (!before || !after) return undefined;
  return { userMs: after.userMs - before.userMs, systemMs: after.systemMs - before.systemMs };
}
