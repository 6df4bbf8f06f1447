/**
 * The live state of one run: plain fields the engine writes as things happen, and a compact snapshot a
 * renderer takes at its own rate. Nothing here sends a message or schedules work per event.
 */
import type { ProgressCell } from '../contract/progress-cell.js';
import type { UnitSample } from '../contract/strategy.js';

export type UnitState = 'starting' | 'idle' | 'busy' | 'dead' | 'closed';

/** One unit's row on the live screen. */
export interface LiveUnit {
  readonly slot: number;
  readonly id: string;
  readonly state: UnitState;
  /** Index of an item in flight (the oldest), or null. */
  readonly item: number | null;
  readonly inFlight: number;
  /** Progress of its current item, 0…1. */
  readonly progress: number;
  readonly done: number;
  readonly failed: number;
  /** CPU use since the previous sample, in % of one core, where the unit can tell. */
  readonly cpuPercent?: number;
  readonly memoryBytes?: number;
  /** Whose figures its samples give (see `UnitSample.scope`), once it has been sampled. */
  readonly scope?: UnitSample['scope'];
}

export type RunPhase = 'starting' | 'running' | 'closing' | 'done';

export interface LiveSnapshot {
  readonly strategy: string;
  readonly run: number;
  readonly warmup: boolean;
  readonly concurrency: number;
  readonly phase: RunPhase;
  readonly elapsedMs: number;
  readonly total: number;
  readonly done: number;
  readonly failed: number;
  readonly inFlight: number;
  /** Items settled per second since the first unit was ready. */
  readonly throughput: number;
  /** Estimated time left at the current throughput, or null before anything settled. */
  readonly etaMs: number | null;
  readonly replacements: number;
  /** The engine's own event-loop delay over the run so far. */
  readonly loopDelay: { readonly p50Ms: number; readonly p99Ms: number; readonly maxMs: number };
  /** The busiest units first (in flight, then most progress), at most the rows asked for. */
  readonly units: readonly LiveUnit[];
  readonly unitCount: number;
  /** Of the units, how many are starting (spawned, not ready yet): with many heavy units, seconds of it. */
  readonly starting?: number;
  /** Units in flight by their item's progress, in ten buckets (0–10 %, …, 90–100 %). */
  readonly progressHistogram: readonly number[];
  /**
   * How long the engine's event loop has been blocked when this snapshot was sent (0 when it is turning).
   * Set by the engine process, which can still send while a task keeps its loop busy.
   */
  readonly loopBlockedMs?: number;
  /** False when there are too many units to sample each one: no row has figures of its own then. */
  readonly unitsSampled?: boolean;
}

interface SlotState {
  id: string;
  state: UnitState;
  /** The engine's own set of the slot's items in flight (read here, never written). */
  items: ReadonlySet<number>;
  done: number;
  failed: number;
  cell: ProgressCell;
  lastCpuMs?: number;
  lastSampleAt?: number;
  cpuPercent?: number;
  memoryBytes?: number;
  scope?: UnitSample['scope'];
}

export class LiveRun {
  private readonly slots: SlotState[] = [];
  private readonly startedAt = performance.now();
  private readyAt: number | null = null;
  phase: RunPhase = 'starting';
  done = 0;
  failed = 0;
  replacements = 0;
  loopDelay = { p50Ms: 0, p99Ms: 0, maxMs: 0 };
  /** Set by the sampler: whether the units are few enough to be sampled one by one. */
  unitsSampled = true;

  constructor(
    readonly strategy: string,
    readonly run: number,
    readonly warmup: boolean,
    readonly concurrency: number,
    readonly total: number,
  ) {}

  /** A unit is ready in this slot, after `starting` (a replacement keeps the slot's counts). */
  attach(slot: number, id: string, cell: ProgressCell): void {
    const state = this.slots[slot];
    if (!state) return;
    // A unit's CPU figures count from its start: its first sample already gives a CPU %.
    // Field by field, not Object.assign of a literal: 10,000 slots attach in one turn.
    state.id = id;
    state.state = 'idle';
    state.cell = cell;
    state.lastCpuMs = 0;
    state.lastSampleAt = performance.now();
    state.cpuPercent = undefined;
    state.memoryBytes = undefined;
  }

  /** A unit is starting in this slot, whose items in flight the engine keeps in `items`. */
  starting(slot: number, cell: ProgressCell, items: ReadonlySet<number>): void {
    this.slots[slot] ??= { id: '…', state: 'starting', items, done: 0, failed: 0, cell };
    const state = this.slots[slot];
    if (state) state.state = 'starting';
  }

  markReady(): void {
    this.readyAt ??= performance.now();
    this.phase = 'running';
  }

  /** The engine handed the slot an item (already in the slot's set of items in flight). */
  began(slot: number): void {
    // Units that are ready take items before the slowest one is: the run is under way from the first.
    if (this.phase === 'starting') this.phase = 'running';
    const state = this.slots[slot];
    if (state) state.state = 'busy';
  }

  /** An item of the slot settled (and has left the slot's set of items in flight, or will with the unit). */
  settled(slot: number, ok: boolean): void {
    if (ok) this.done += 1;
    else this.failed += 1;
    const state = this.slots[slot];
    if (!state) return;
    if (ok) state.done += 1;
    else state.failed += 1;
    if (state.items.size === 0 && state.state === 'busy') state.state = 'idle';
  }

  ended(slot: number, how: 'dead' | 'closed'): void {
    const state = this.slots[slot];
    if (state) state.state = how;
  }

  /** Fold a unit's sample into its row: CPU % from the change in cumulative CPU time since the last one. */
  sampled(slot: number, sample: UnitSample): void {
    const state = this.slots[slot];
    if (!state) return;
    const now = performance.now();
    const cpuMs = (sample.cpuUserMs ?? Number.NaN) + (sample.cpuSystemMs ?? 0);
    if (
      Number.isFinite(cpuMs) &&
      state.lastCpuMs !== undefined &&
      state.lastSampleAt !== undefined &&
      now > state.lastSampleAt
    )
      state.cpuPercent = (100 * (cpuMs - state.lastCpuMs)) / (now - state.lastSampleAt);
    if (Number.isFinite(cpuMs)) {
      state.lastCpuMs = cpuMs;
      state.lastSampleAt = now;
    }
    state.memoryBytes = sample.rssBytes ?? sample.heapUsedBytes;
    state.scope = sample.scope;
  }

  private row(slot: number): LiveUnit {
    const state = this.slots[slot] as SlotState;
    const busy = state.items.size > 0;
    return {
      slot,
      id: state.id,
      state: state.state,
      item: busy ? (state.items.values().next().value ?? null) : null,
      inFlight: state.items.size,
      progress: busy ? state.cell.get() : 0,
      done: state.done,
      failed: state.failed,
      ...(state.cpuPercent === undefined ? {} : { cpuPercent: state.cpuPercent }),
      ...(state.memoryBytes === undefined ? {} : { memoryBytes: state.memoryBytes }),
      ...(state.scope === undefined ? {} : { scope: state.scope }),
    };
  }

  snapshot(maxRows = 64): LiveSnapshot {
    const now = performance.now();
    const settled = this.done + this.failed;
    const since = this.readyAt ?? this.startedAt;
    const throughput = settled > 0 && now > since ? (settled * 1000) / (now - since) : 0;
    const histogram = new Array<number>(10).fill(0);
    let inFlight = 0;
    let starting = 0;
    // One pass: the slots that have a unit, their busyness (items in flight, then progress) and the histogram.
    const slots: number[] = [];
    const busyness: number[] = [];
    this.slots.forEach((state, slot) => {
      if (!state) return;
      slots.push(slot);
      if (state.state === 'starting') starting += 1;
      const items = state.items.size;
      if (items === 0) {
        busyness.push(0);
        return;
      }
      const progress = state.cell.get();
      busyness.push(items + progress);
      inFlight += items;
      const bucket = Math.min(9, Math.floor(progress * 10));
      histogram[bucket] = (histogram[bucket] ?? 0) + 1;
    });
    // With more units than rows, show the busiest; otherwise keep slot order so rows never jump. Rows are
    // built only for the units shown, so 10,000 slots cost a scan, not 10,000 objects per frame.
    const count = slots.length;
    const shown = count <= maxRows ? slots : busiest(slots, busyness, maxRows);
    const units = shown.map((slot) => this.row(slot));
    return {
      strategy: this.strategy,
      run: this.run,
      warmup: this.warmup,
      concurrency: this.concurrency,
      phase: this.phase,
      elapsedMs: now - this.startedAt,
      total: this.total,
      done: this.done,
      failed: this.failed,
      inFlight,
      throughput,
      etaMs: throughput > 0 ? ((this.total - settled) * 1000) / throughput : null,
      replacements: this.replacements,
      loopDelay: this.loopDelay,
      units,
      unitCount: count,
      starting,
      unitsSampled: this.unitsSampled,
      progressHistogram: histogram,
    };
  }
}

/**
 * The `rows` busiest of `slots` (ties to the lower slot), in slot order. The cut-off comes from a native
 * numeric sort of the keys, not a sort that calls back per comparison: with 10,000 slots that took a
 * snapshot (with its serialisation) from about 12 ms to under 2.
 */
function busiest(slots: readonly number[], busyness: readonly number[], rows: number): number[] {
  const cutoff = Float64Array.from(busyness).sort()[busyness.length - rows] ?? 0;
  let ties = rows - busyness.filter((key) => key > cutoff).length;
  return slots.filter((_, i) => {
    const key = busyness[i] ?? 0;
    if (key > cutoff) return true;
    if (key < cutoff || ties === 0) return false;
    ties -= 1;
    return true;
  });
}
