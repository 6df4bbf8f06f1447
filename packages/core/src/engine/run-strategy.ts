/**
 * The engine: runs one workload's items on one strategy's units and measures it. Everything that must be
 * identical across strategies lives here — dispatch, timeouts, replacement of dead units, cancellation,
 * timing, CPU and memory accounting — so that a plugin only executes and the comparison stays fair.
 */
import { performance } from 'node:perf_hooks';
import { ProgressCell } from '../contract/progress-cell.js';
import type { Failure, Outcome, Strategy, Unit, UnitSample } from '../contract/strategy.js';
import type { TaskRef } from '../contract/task.js';
import { InputError } from '../errors.js';
import { DeadlineQueue } from './deadline-queue.js';
import { LiveRun } from './live-state.js';
import { LoopDelay } from './loop-delay.js';
import { OutputLog } from './output-log.js';
import type { ItemFailure, RunRecord, UnitRecord } from './run-record.js';
import { checkPositiveInteger, checkTimeout } from './validate-run.js';

export interface RunStrategyOptions {
  readonly strategy: Strategy;
  readonly task: TaskRef;
  readonly inputs: readonly unknown[];
  readonly concurrency: number;
  /** The user's options for this strategy. */
  readonly options?: Readonly<Record<string, unknown>>;
  /** Per item; on expiry the unit is killed and replaced and the item fails as `timeout`. Default 30 s. */
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

interface Slot {
  readonly index: number;
  unit: Unit | undefined;
  record: MutableUnitRecord | undefined;
  /** Items in flight on this slot's current unit. */
  readonly inFlight: Set<number>;
  readonly cell: ProgressCell;
}

/** One item handed to one unit: what its deadline needs to tell whether it is still pending. */
interface Dispatched {
  readonly slot: Slot;
  readonly unit: Unit;
  readonly index: number;
}

interface MutableUnitRecord {
  slot: number;
  id: string;
  items: number;
  failures: number;
  end: string;
  unit: Unit;
  sample?: UnitSample;
}

/** Live rows get CPU and memory figures only up to this many units; beyond it sampling would cost more than it tells. */
const SAMPLED_UNITS_LIMIT = 64;
/** Items whose unit was killed for another item's timeout are run again this many times at most. */
const MAX_ATTEMPTS = 2;
/** Consecutive failed spawns after which the run gives up on the strategy. */
const MAX_SPAWN_FAILURES = 3;

/** A progress cell that tells the engine process when a unit on its own thread writes to it. */
class ActivityCell extends ProgressCell {
  constructor(
    buffer: SharedArrayBuffer,
    index: number,
    private readonly onActivity: () => void,
  ) {
    super(buffer, index);
  }

  override set(fraction: number): void {
    super.set(fraction);
    this.onActivity();
  }
}

export async function runStrategy(options: RunStrategyOptions): Promise<RunResult> {
  return await new StrategyRun(options).start();
}

class StrategyRun {
  private readonly total: number;
  private readonly concurrency: number;
  private readonly timeoutMs: number;
  private readonly capacity: number;
  private readonly live: LiveRun;
  private readonly log = new OutputLog();
  private readonly loopDelay = new LoopDelay();
  private readonly slots: Slot[] = [];
  private readonly units: MutableUnitRecord[] = [];
  private readonly latencyMs: number[];
  private readonly serviceMs: number[];
  private readonly values: unknown[] | undefined;
  private readonly failures: ItemFailure[] = [];
  private readonly attempts: Uint8Array;
  private readonly retry: number[] = [];
  private readonly pendingKills: Promise<unknown>[] = [];
  private readonly deadlines: DeadlineQueue<Dispatched>;
  private next = 0;
  private settledCount = 0;
  private replacements = 0;
  private spawnFailuresInARow = 0;
  private stopping = false;
  private cancelled = false;
  private aborted: string | undefined;
  private startedAt = 0;
  private finish: () => void = () => {};
  private readonly finished = new Promise<void>((resolve) => {
    this.finish = resolve;
  });

  constructor(private readonly o: RunStrategyOptions) {
    this.concurrency = checkPositiveInteger('concurrency', o.concurrency);
    this.timeoutMs = checkTimeout('timeout', o.timeoutMs ?? 30_000);
    this.deadlines = new DeadlineQueue<Dispatched>(
      this.timeoutMs,
      ({ slot, unit, index }) => slot.unit === unit && slot.inFlight.has(index),
      ({ slot, unit, index }) => this.timedOut(slot, unit, index),
    );
    const problem = o.strategy.validateOptions?.(o.options ?? {});
    if (problem) throw new InputError(problem);
    this.capacity = checkPositiveInteger(
      `strategy "${o.strategy.meta.name}" itemsInFlight`,
      o.strategy.itemsInFlight?.(o.options ?? {}) ?? 1,
    );
    this.total = o.inputs.length;
    this.latencyMs = new Array<number>(this.total).fill(Number.NaN);
    this.serviceMs = new Array<number>(this.total).fill(Number.NaN);
    this.values = o.keepValues ? new Array<unknown>(this.total) : undefined;
    this.attempts = new Uint8Array(this.total);
    this.live = new LiveRun(
      o.strategy.meta.name,
      o.run ?? 1,
      o.warmup ?? false,
      this.concurrency,
      this.total,
    );
  }

  async start(): Promise<RunResult> {
    this.o.onLive?.(this.live);
    const cpuBefore = process.cpuUsage();
    this.startedAt = performance.now();
    const onAbort = () => this.cancel();
    if (this.o.signal?.aborted) this.cancel();
    else this.o.signal?.addEventListener('abort', onAbort, { once: true });
    const sampler = this.startSampling();
    if (this.total === 0) this.finish();

    const board = ProgressCell.board(this.concurrency);
    for (let index = 0; index < this.concurrency; index += 1)
      this.slots.push({
        index,
        unit: undefined,
        record: undefined,
        inFlight: new Set(),
        cell: this.cellFor(board, index),
      });
    await Promise.all(this.slots.map((slot) => this.spawnInto(slot)));
    const startupMs = performance.now() - this.startedAt;
    this.live.markReady();

    await this.finished;
    const wallMs = performance.now() - this.startedAt;
    this.deadlines.stop();
    this.stopping = true;
    this.live.phase = 'closing';
    clearInterval(sampler);
    this.o.signal?.removeEventListener('abort', onAbort);
    await this.closeEverything();
    const loopDelay = this.loopDelay.stop();
    this.live.loopDelay = loopDelay;
    this.live.phase = 'done';
    return this.result(wallMs, startupMs, process.cpuUsage(cpuBefore), loopDelay);
  }

  /** A progress cell that also reports activity when written on this thread. */
  private cellFor(board: SharedArrayBuffer, index: number): ProgressCell {
    const onActivity = this.o.onActivity;
    return onActivity ? new ActivityCell(board, index, onActivity) : new ProgressCell(board, index);
  }

  private cancel(): void {
    if (this.stopping) return;
    this.cancelled = true;
    this.stopping = true;
    for (const slot of this.slots) this.retire(slot, 'killed: run cancelled', 'cancelled', 'run cancelled');
    this.finish();
  }

  private async spawnInto(slot: Slot): Promise<void> {
    this.live.starting(slot.index, slot.cell, slot.inFlight);
    slot.cell.set(0);
    let unit: Unit;
    try {
      unit = await this.readyWithinTimeout(
        this.o.strategy.spawn({
          unit: slot.index,
          task: this.o.task,
          progress: slot.cell,
          inFlight: this.capacity,
          options: this.o.options ?? {},
          output: (stream, text) => this.log.add(slot.index, stream, text),
        }),
      );
    } catch (error) {
      this.spawnFailed(slot, error);
      return;
    }
    this.spawnFailuresInARow = 0;
    const record: MutableUnitRecord = {
      slot: slot.index,
      id: unit.id,
      items: 0,
      failures: 0,
      end: 'running',
      unit,
    };
    this.units.push(record);
    if (this.stopping) {
      record.end = 'closed';
      this.pendingKills.push(unit.close().catch(() => unit.kill()));
      return;
    }
    slot.unit = unit;
    slot.record = record;
    this.live.attach(slot.index, unit.id, slot.cell);
    unit.exited.then(
      (exit) => this.unitDied(slot, unit, `unit ${exit.reason}`),
      () => {},
    );
    this.pump(slot);
  }

  /**
   * A unit must be ready in time: a task whose import or setup never finishes would otherwise hold its slot
   * forever. A unit that turns up after that is killed.
   */
  private readyWithinTimeout(spawning: Promise<Unit>): Promise<Unit> {
    const limit = this.o.readyTimeoutMs ?? Math.max(this.timeoutMs, 30_000);
    if (!Number.isFinite(limit)) return spawning;
    return new Promise<Unit>((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(
          new Error(
            `a unit did not become ready within ${limit} ms (a task import or setup that never finishes?)`,
          ),
        );
        spawning.then(
          (late) => this.pendingKills.push(late.kill().catch(() => {})),
          () => {},
        );
      }, limit);
      spawning.then(
        (unit) => {
          clearTimeout(timer);
          resolve(unit);
        },
        (error: unknown) => {
          clearTimeout(timer);
          reject(error);
        },
      );
    });
  }

  private spawnFailed(slot: Slot, error: unknown): void {
    this.spawnFailuresInARow += 1;
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    this.live.ended(slot.index, 'dead');
    if (this.spawnFailuresInARow >= MAX_SPAWN_FAILURES && !this.slots.some((s) => s.unit))
      this.abort(`units failed to start ${this.spawnFailuresInARow} times in a row: ${reason}`);
    else if (!this.stopping && this.workLeft()) {
      this.replacements += 1;
      this.live.replacements = this.replacements;
      void this.spawnInto(slot);
    }
  }

  /** Give up: every item not yet settled fails with the reason. */
  private abort(reason: string): void {
    this.aborted = reason;
    this.stopping = true;
    for (const slot of this.slots) this.retire(slot, `killed: ${reason}`, 'spawn-failed', reason);
    let index = this.retry.shift() ?? this.takeFresh();
    while (index !== undefined) {
      this.settle(index, -1, {
        ok: false,
        error: { kind: 'spawn-failed', message: reason },
        serviceMs: Number.NaN,
      });
      index = this.retry.shift() ?? this.takeFresh();
    }
    this.finish();
  }

  private workLeft(): boolean {
    return this.retry.length > 0 || this.next < this.total;
  }

  private takeFresh(): number | undefined {
    return this.next < this.total ? this.next++ : undefined;
  }

  private pump(slot: Slot): void {
    const unit = slot.unit;
    while (unit && !this.stopping && slot.inFlight.size < this.capacity) {
      const index = this.retry.shift() ?? this.takeFresh();
      if (index === undefined) return;
      this.dispatch(slot, unit, index);
    }
  }

  private dispatch(slot: Slot, unit: Unit, index: number): void {
    this.attempts[index] = (this.attempts[index] ?? 0) + 1;
    slot.inFlight.add(index);
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
    // A late answer from a unit already killed, dead or retired: the item was settled then.
    if (slot.unit !== unit || !slot.inFlight.has(index)) return;
    slot.inFlight.delete(index);
    this.settle(index, slot.index, outcome);
    if (!outcome.ok && (outcome.error.kind === 'unit-exited' || outcome.error.kind === 'killed')) {
      // The unit is gone: never hand it another item. Its other items share its fate.
      this.unitDied(slot, unit, outcome.error.message);
      return;
    }
    this.pump(slot);
  }

  private timedOut(slot: Slot, unit: Unit, index: number): void {
    if (slot.unit !== unit || !slot.inFlight.has(index)) return;
    slot.inFlight.delete(index);
    const seconds =
      this.timeoutMs >= 1000 ? `${+(this.timeoutMs / 1000).toFixed(2)} s` : `${this.timeoutMs} ms`;
    this.settle(index, slot.index, {
      ok: false,
      error: { kind: 'timeout', message: `timed out after ${seconds}; the unit was killed and replaced` },
      serviceMs: Number.NaN,
    });
    // The other items on this unit did nothing wrong: run them again elsewhere (bounded).
    for (const other of slot.inFlight) {
      if ((this.attempts[other] ?? 0) < MAX_ATTEMPTS) this.retry.push(other);
      else
        this.settle(other, slot.index, {
          ok: false,
          error: { kind: 'killed', message: `unit killed because item ${index} timed out` },
          serviceMs: Number.NaN,
        });
    }
    slot.inFlight.clear();
    this.detach(slot, `killed: item ${index} timed out`);
    this.pendingKills.push(unit.kill().catch(() => {}));
    this.replace(slot);
  }

  private unitDied(slot: Slot, unit: Unit, reason: string): void {
    if (slot.unit !== unit) return;
    for (const index of slot.inFlight) {
      this.settle(index, slot.index, {
        ok: false,
        error: { kind: 'unit-exited', message: reason },
        serviceMs: Number.NaN,
      });
    }
    slot.inFlight.clear();
    this.detach(slot, reason);
    this.replace(slot);
  }

  /** Forget the slot's unit (its exit and late answers are ignored from now on). */
  private detach(slot: Slot, end: string): void {
    if (slot.record) slot.record.end = end;
    slot.unit = undefined;
    slot.record = undefined;
    this.live.ended(slot.index, 'dead');
  }

  /** Stop a slot's unit at once, failing its items in flight with `kind`. */
  private retire(slot: Slot, end: string, kind: Failure['kind'], message: string): void {
    const unit = slot.unit;
    if (!unit) return;
    for (const index of slot.inFlight) {
      this.settle(index, slot.index, { ok: false, error: { kind, message }, serviceMs: Number.NaN });
    }
    slot.inFlight.clear();
    this.detach(slot, end);
    this.pendingKills.push(unit.kill().catch(() => {}));
  }

  private replace(slot: Slot): void {
    if (this.stopping) return;
    if (!this.workLeft()) {
      if (this.settledCount === this.total) this.finish();
      return;
    }
    this.replacements += 1;
    this.live.replacements = this.replacements;
    void this.spawnInto(slot);
  }

  private settle(index: number, slot: number, outcome: Outcome): void {
    if (!Number.isNaN(this.latencyMs[index] ?? Number.NaN)) return; // settled once only
    this.latencyMs[index] = performance.now() - this.startedAt;
    this.serviceMs[index] = outcome.serviceMs;
    const record = this.slots[slot]?.record;
    if (record) record.items += 1;
    if (outcome.ok) {
      if (this.values) this.values[index] = outcome.value;
    } else {
      if (record) record.failures += 1;
      this.failures.push({ index, kind: outcome.error.kind, message: outcome.error.message, unit: slot });
    }
    this.live.settled(slot, outcome.ok);
    this.settledCount += 1;
    this.deadlines.settled();
    this.o.onActivity?.();
    if (this.settledCount === this.total) this.finish();
  }

  private startSampling(): NodeJS.Timeout | undefined {
    const every = this.o.sampleEveryMs ?? 250;
    if (every <= 0) return undefined;
    let busy = false;
    const timer = setInterval(() => {
      this.live.loopDelay = this.loopDelay.read();
      if (busy || this.slots.length > SAMPLED_UNITS_LIMIT) return;
      busy = true;
      const current = this.slots.filter((s) => s.unit);
      Promise.all(
        current.map(async (slot) => {
          const sample = await slot.unit?.sample();
          if (sample) this.live.sampled(slot.index, sample);
        }),
      )
        .catch(() => {})
        .finally(() => {
          busy = false;
        });
    }, every);
    timer.unref();
    return timer;
  }

  private async closeEverything(): Promise<void> {
    // One deadline per phase, not a timer per unit: a run may have 10,000 of them.
    const within = <T>(promise: Promise<T>, ms: number) =>
      Promise.race([
        promise,
        new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), ms).unref()),
      ]);
    // Final figures first, so that even a unit closed right after its last item is counted.
    await within(
      Promise.all(
        this.units.map((record) =>
          Promise.resolve()
            .then(() => record.unit.sample())
            .then(
              (sample) => {
                record.sample = sample;
              },
              () => {}, // A unit that cannot say keeps no sample; the report shows its figures as missing.
            ),
        ),
      ),
      2_000,
    );
    const closing: { unit: Unit; record: MutableUnitRecord; closed: boolean; done?: Promise<void> }[] = [];
    for (const slot of this.slots) {
      const { unit, record } = slot;
      if (!unit || !record) continue;
      record.end = 'closed';
      this.live.ended(slot.index, 'closed');
      slot.unit = undefined;
      const entry: (typeof closing)[number] = { unit, record, closed: false };
      entry.done = unit.close().then(
        () => {
          entry.closed = true;
        },
        () => {},
      );
      closing.push(entry);
    }
    await within(Promise.all(closing.map((c) => c.done)), 5_000);
    const stuck = closing.filter((c) => !c.closed);
    for (const c of stuck) {
      c.record.end = 'killed: close did not finish within 5 s';
      this.pendingKills.push(c.unit.kill().catch(() => {}));
    }
    await within(Promise.all(this.pendingKills), 5_000);
  }

  private result(
    wallMs: number,
    startupMs: number,
    engineCpu: NodeJS.CpuUsage,
    loopDelay: RunRecord['loopDelay'],
  ): RunResult {
    let userMs = engineCpu.user / 1000;
    let systemMs = engineCpu.system / 1000;
    let peakRssBytes = process.resourceUsage().maxRSS * 1024;
    for (const { sample } of this.units) {
      if (sample?.scope !== 'process') continue;
      userMs += sample.cpuUserMs ?? 0;
      systemMs += sample.cpuSystemMs ?? 0;
      peakRssBytes += sample.peakRssBytes ?? sample.rssBytes ?? 0;
    }
    const units: UnitRecord[] = this.units.map(({ unit: _unit, ...record }) => record);
    const done = this.settledCount - this.failures.length;
    return {
      strategy: this.o.strategy.meta.name,
      run: this.o.run ?? 1,
      warmup: this.o.warmup ?? false,
      concurrency: this.concurrency,
      wallMs,
      startupMs,
      cpu: { userMs, systemMs },
      peakRssBytes,
      items: { total: this.total, done, failed: this.failures.length },
      latencyMs: this.latencyMs,
      serviceMs: this.serviceMs,
      failures: this.failures.sort((a, b) => a.index - b.index),
      replacements: this.replacements,
      units,
      loopDelay,
      output: this.log.chunks,
      outputTruncated: this.log.truncated,
      cancelled: this.cancelled,
      ...(this.aborted ? { aborted: this.aborted } : {}),
      ...(this.values ? { values: this.values } : {}),
    };
  }
}
