/**
 * The run's slots and the units in them: a slot holds one unit at a time, from its spawn (bounded by the
 * ready timeout) until it is detached — closed, killed or dead — and a replacement takes the same slot.
 * What a slot's unit then runs is the run's business, told through {@link SlotEvents}.
 */
import { performance } from 'node:perf_hooks';
import { ProgressCell } from '../contract/progress-cell.js';
import type { SpawnSpec, Strategy, Unit } from '../contract/strategy.js';
import type { TaskRef } from '../contract/task.js';
import { TIMED_OUT, withinMs } from '../unit-kit/wait.js';
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
   * When the last of the first units became ready, as each one's own spawn resolved: never later because
   * another unit's item held the loop (see {@link Slots.spawnInto}). Undefined until one is ready.
   */
  lastFirstReadyAt: number | undefined;
  private readonly readyNextTurn: { slot: Slot; unit: Unit }[] = [];

  constructor(
    private readonly o: SlotsOptions,
    private readonly tally: Tally,
    private readonly live: LiveRun,
    private readonly log: OutputLog,
    private readonly events: SlotEvents,
  ) {}

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
    const spawns: Promise<void>[] = [];
    let heldSince = performance.now();
    for (const slot of this.all) {
      // Cancelled or given up while the first units were starting: start no more of them.
      if (!this.events.accepting()) break;
      spawns.push(this.spawnInto(slot, true));
      if (performance.now() - heldSince < SPAWN_TURN_MS) continue;
      await new Promise<void>((resolve) => setImmediate(resolve));
      heldSince = performance.now();
    }
    await Promise.all(spawns);
  }

  /** Start another unit in `slot`, while the run accepts units and has work for it. */
  replace(slot: Slot): void {
    if (!this.events.accepting() || !this.events.workLeft()) return;
    this.replacements += 1;
    this.live.replacements = this.replacements;
    void this.spawnInto(slot, false);
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

  private async spawnInto(slot: Slot, first: boolean): Promise<void> {
    this.live.starting(slot.index, slot.cell, slot.inFlight);
    // Quietly: a reset told as activity would have the engine process send a snapshot from inside the run's
    // clock, and the first send of a process costs more than a small run's whole work.
    if (slot.cell instanceof ActivityCell) slot.cell.reset();
    else slot.cell.set(0);
    const spawnMs = this.tally.timeline.now();
    let unit: Unit;
    try {
      unit = await this.spawnReady(slot);
    } catch (error) {
      this.spawnFailed(slot, error);
      return;
    }
    const readyAt = performance.now();
    if (first) this.lastFirstReadyAt = Math.max(this.lastFirstReadyAt ?? readyAt, readyAt);
    this.spawnFailuresInARow = 0;
    const entry = this.tally.addUnit(slot.index, unit, spawnMs);
    if (!this.events.joins()) {
      entry.end = 'closed';
      this.pendingKills.push(
        unit
          .close()
          .catch(() => unit.kill())
          .finally(() => this.tally.unitEnded(entry)),
      );
      return;
    }
    slot.unit = unit;
    slot.entry = entry;
    this.live.attach(slot.index, unit.id, slot.cell);
    unit.exited.then(
      (exit) => this.events.exited(slot, unit, `unit ${exit.reason}`),
      () => {},
    );
    // Units on the engine's own loop become ready together, in one turn: the first handed an item would
    // run it right here and hold the loop, so the others would seem to take as long to start. Handing out
    // items from the next turn, once every such unit has said it is ready, keeps start-up its own.
    if (!first) {
      this.events.ready(slot);
      return;
    }
    this.readyNextTurn.push({ slot, unit });
    if (this.readyNextTurn.length === 1) setImmediate(() => this.readyTogether());
  }

  /**
   * The first units that became ready in the last turn, handed work together in slot order (each one an
   * item before any takes a second), unless a unit has been let go of since.
   */
  private readyTogether(): void {
    const ready = this.readyNextTurn.splice(0).sort((a, b) => a.slot.index - b.slot.index);
    for (const { slot, unit } of ready) if (slot.unit === unit) this.events.ready(slot);
  }

  /**
   * A unit must be ready in time: a task whose import or setup never finishes would otherwise hold its slot
   * forever. A unit that turns up after that is killed.
   */
  private async spawnReady(slot: Slot): Promise<Unit> {
    const spec: SpawnSpec = {
      unit: slot.index,
      task: this.o.task,
      progress: slot.cell,
      inFlight: this.o.capacity,
      options: this.o.options,
      output: (stream, text) => this.log.add(slot.index, stream, text),
    };
    const spawning = this.o.strategy.spawn(spec);
    const limit = this.o.readyTimeoutMs;
    const unit = await withinMs(spawning, limit);
    if (unit !== TIMED_OUT) return unit;
    spawning.then(
      (late) => this.kill(late),
      () => {},
    );
    throw new Error(
      `a unit did not become ready within ${limit} ms (a task import or setup that never finishes?)`,
    );
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
