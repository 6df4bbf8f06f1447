/**
 * The run's slots and the units in them: a slot holds one unit at a time, from its spawn (bounded by the
 * ready timeout) until it is detached — closed, killed or dead — and a replacement takes the same slot.
 * What a slot's unit then runs is the run's business, told through {@link SlotEvents}.
 */
import { performance } from 'node:perf_hooks';
import { ProgressCell } from '../contract/progress-cell.js';
import type { SpawnSpec, Strategy, Unit } from '../contract/strategy.js';
import type { TaskRef } from '../contract/task.js';
import { DeadlineQueue } from './deadline-queue.js';
import type { LiveRun } from './live-state.js';
import type { OutputLog } from './output-log.js';
import type { Tally, UnitEntry } from './tally.js';

export interface Slot {
  readonly index: number;
  /** The unit now in the slot, or undefined while one starts or after it ended. */
  unit: Unit | undefined;
  entry: UnitEntry | undefined;
  /** Items in flight on the slot's current unit. */
  readonly inFlight: Set<number>;
  readonly cell: ProgressCell;
}

/** What the slots ask of the run and tell it. */
export interface SlotEvents {
  /** Whether the run starts units: a replacement, or another try after a failed spawn. */
  accepting(): boolean;
  /** Whether items still wait for a unit (a slot starts another unit only then). */
  workLeft(): boolean;
  /** Whether a unit that just became ready joins the run; if not, it is closed at once. */
  joins(): boolean;
  /** A unit is ready in `slot` and may be handed items. */
  ready(slot: Slot): void;
  /** The slot's unit died on its own. */
  exited(slot: Slot, unit: Unit, reason: string): void;
  /** Units keep failing to start: the run cannot go on. */
  gaveUp(reason: string): void;
}

export interface SlotsOptions {
  readonly strategy: Strategy;
  readonly task: TaskRef;
  readonly options: Readonly<Record<string, unknown>>;
  /** Items a unit may have in flight at once. */
  readonly capacity: number;
  /** How long a unit may take to become ready. */
  readonly readyTimeoutMs: number;
  readonly onActivity: (() => void) | undefined;
}

/** How long starting units may hold the engine's loop before it yields a turn to the rest of the run. */
const SPAWN_TURN_MS = 50;

/** Consecutive failed spawns after which the run gives up on the strategy. */
const MAX_SPAWN_FAILURES = 3;

/** One unit being started: settled once, by its spawn or by its ready timeout, whichever comes first. */
interface Spawning {
  readonly slot: Slot;
  readonly first: boolean;
  /** When the spawn began (run time). */
  readonly spawnMs: number;
  done: boolean;
}

/** Shared by every unit that needs no rejection handler of its own. */
const ignore = (): void => {};

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

  /** Back to 0 for a unit that starts: nothing to tell anyone yet. */
  reset(): void {
    super.set(0);
  }
}

export class Slots {
  readonly all: Slot[] = [];
  /** Units started to replace units that died, were killed or failed to start. */
  replacements = 0;
  /** Kills and closes under way that the run must wait for (bounded) before it reports. */
  readonly pendingKills: Promise<unknown>[] = [];
  private spawnFailuresInARow = 0;
  /**
   * Ready timeouts, one timer for every unit starting: all have the same limit, so they fall due in the
   * order they began. A timer and a Promise.race per unit cost most of starting 10,000 async slots.
   */
  private readonly spawnDeadlines: DeadlineQueue<Spawning>;
  /** Spawns not yet settled: with none, the deadline timer is dropped, so it holds nothing after a run. */
  private spawnsPending = 0;
  /** First spawns not yet settled, and what {@link Slots.start} waits on until there are none. */
  private firstPending = 0;
  private firstDone: () => void = ignore;
  /** First units ready in this turn, handed work together in the next (see {@link Slots.spawned}). */
  private readonly readyNextTurn: { slot: Slot; unit: Unit }[] = [];
  /**
   * When the last of the first units became ready, as each one's own spawn resolved: never later because
   * another unit's item held the loop (see {@link Slots.spawnInto}). Undefined until one is ready.
   */
  lastFirstReadyAt: number | undefined;

  constructor(
    private readonly o: SlotsOptions,
    private readonly tally: Tally,
    private readonly live: LiveRun,
    private readonly log: OutputLog,
    private readonly events: SlotEvents,
  ) {
    this.spawnDeadlines = new DeadlineQueue<Spawning>(
      o.readyTimeoutMs,
      (spawning) => !spawning.done,
      (spawning) => this.spawnTimedOut(spawning),
    );
  }

  /** Make `count` slots and start a unit in each; resolves once every first spawn succeeded or failed. */
  async start(count: number): Promise<void> {
    const board = ProgressCell.board(count);
    const onActivity = this.o.onActivity;
    for (let index = 0; index < count; index += 1)
      this.all.push({
        index,
        unit: undefined,
        entry: undefined,
        inFlight: new Set(),
        cell: onActivity ? new ActivityCell(board, index, onActivity) : new ProgressCell(board, index),
      });
    // A spawn may hold the loop for a while before it awaits anything (a worker thread's start, a fork):
    // with a thousand of them the loop would be held for seconds, and the live screen, told nothing, would
    // blame a task. Yield a turn now and then, so that snapshots say units are starting.
    const allSettled = new Promise<void>((resolve) => {
      this.firstDone = resolve;
    });
    // Counted before any spawn settles, so that one settling at once cannot see the count reach 0 early.
    this.firstPending = 1;
    let heldSince = performance.now();
    for (const slot of this.all) {
      // Cancelled or given up while the first units were starting: start no more of them.
      if (!this.events.accepting()) break;
      this.firstPending += 1;
      this.spawnInto(slot, true);
      if (performance.now() - heldSince < SPAWN_TURN_MS) continue;
      await new Promise<void>((resolve) => setImmediate(resolve));
      heldSince = performance.now();
    }
    this.firstSettled();
    await allSettled;
  }

  /** Start another unit in `slot`, while the run accepts units and has work for it. */
  replace(slot: Slot): void {
    if (!this.events.accepting() || !this.events.workLeft()) return;
    this.replacements += 1;
    this.live.replacements = this.replacements;
    this.spawnInto(slot, false);
  }

  /** Forget the slot's unit: its exit and late answers are ignored from now on. */
  detach(slot: Slot, end: string): void {
    if (slot.entry) {
      slot.entry.end = end;
      this.tally.unitEnded(slot.entry);
    }
    slot.unit = undefined;
    slot.entry = undefined;
    this.live.ended(slot.index, 'dead');
  }

  /** Kill a unit the run has let go of, without waiting here. */
  kill(unit: Unit): void {
    this.pendingKills.push(unit.kill().catch(() => {}));
  }

  /**
   * Start a unit in `slot`, bounded by the ready timeout: a task whose import or setup never finishes would
   * otherwise hold its slot forever. A unit that turns up after that is killed. A slot starting costs this
   * record and the spawn's own promise: no timer, no race, no closure beyond the spec's output callback.
   */
  private spawnInto(slot: Slot, first: boolean): void {
    this.live.starting(slot.index, slot.cell, slot.inFlight);
    // Quietly: a reset told as activity would have the engine process send a snapshot from inside the run's
    // clock, and the first send of a process costs more than a small run's whole work.
    if (slot.cell instanceof ActivityCell) slot.cell.reset();
    else slot.cell.set(0);
    const spawning: Spawning = { slot, first, spawnMs: this.tally.timeline.now(), done: false };
    const spec: SpawnSpec = {
      unit: slot.index,
      task: this.o.task,
      progress: slot.cell,
      inFlight: this.o.capacity,
      options: this.o.options,
      output: (stream, text) => this.log.add(slot.index, stream, text),
    };
    this.spawnsPending += 1;
    let unit: Promise<Unit>;
    try {
      // Promise.resolve returns a native promise as it is, and takes a plugin's thenable as one.
      unit = Promise.resolve(this.o.strategy.spawn(spec));
    } catch (error) {
      // A spawn that throws instead of rejecting fails the same way, a turn later as a rejection would.
      unit = Promise.reject(error);
    }
    this.spawnDeadlines.add(spawning);
    unit.then(
      (ready) => this.spawned(spawning, ready),
      (error: unknown) => {
        if (spawning.done) return;
        this.spawnSettled(spawning);
        this.spawnFailed(slot, error);
      },
    );
  }

  private spawned(spawning: Spawning, unit: Unit): void {
    if (spawning.done) {
      this.kill(unit);
      return;
    }
    const { slot, first } = spawning;
    const readyAt = performance.now();
    if (first) this.lastFirstReadyAt = Math.max(this.lastFirstReadyAt ?? readyAt, readyAt);
    this.spawnFailuresInARow = 0;
    const entry = this.tally.addUnit(slot.index, unit, spawning.spawnMs);
    if (!this.events.joins()) {
      entry.end = 'closed';
      this.pendingKills.push(
        unit
          .close()
          .catch(() => unit.kill())
          .finally(() => this.tally.unitEnded(entry)),
      );
      this.spawnSettled(spawning);
      return;
    }
    slot.unit = unit;
    slot.entry = entry;
    this.live.attach(slot.index, unit.id, slot.cell);
    unit.exited.then((exit) => this.events.exited(slot, unit, `unit ${exit.reason}`), ignore);
    // Units on the engine's own loop become ready together, in one turn: the first handed an item would
    // run it right here and hold the loop, so the others would seem to take as long to start. Handing out
    // items from the next turn, once every such unit has said it is ready, keeps start-up its own.
    if (first) {
      this.readyNextTurn.push({ slot, unit });
      if (this.readyNextTurn.length === 1) setImmediate(() => this.readyTogether());
    }
    this.spawnSettled(spawning);
    if (!first) this.events.ready(slot);
  }

  /**
   * The first units that became ready in the last turn, handed work together in slot order (each one an
   * item before any takes a second), unless a unit has been let go of since.
   */
  private readyTogether(): void {
    const ready = this.readyNextTurn.splice(0).sort((a, b) => a.slot.index - b.slot.index);
    for (const { slot, unit } of ready) if (slot.unit === unit) this.events.ready(slot);
  }

  private spawnTimedOut(spawning: Spawning): void {
    this.spawnSettled(spawning);
    this.spawnFailed(
      spawning.slot,
      new Error(
        `a unit did not become ready within ${this.o.readyTimeoutMs} ms (a task import or setup that never finishes?)`,
      ),
    );
  }

  /** A spawn is over (ready, failed or timed out): it counts no more towards the pending ones. */
  private spawnSettled(spawning: Spawning): void {
    spawning.done = true;
    this.spawnsPending -= 1;
    if (this.spawnsPending === 0) this.spawnDeadlines.clear();
    else this.spawnDeadlines.settled();
    if (spawning.first) this.firstSettled();
  }

  private firstSettled(): void {
    this.firstPending -= 1;
    if (this.firstPending === 0) this.firstDone();
  }

  private spawnFailed(slot: Slot, error: unknown): void {
    this.spawnFailuresInARow += 1;
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    this.live.ended(slot.index, 'dead');
    if (this.spawnFailuresInARow >= MAX_SPAWN_FAILURES && !this.all.some((s) => s.unit))
      this.events.gaveUp(`units failed to start ${this.spawnFailuresInARow} times in a row: ${reason}`);
    else this.replace(slot);
  }
}
