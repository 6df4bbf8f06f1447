/**
 * Collects a run's {@link RunTimeline} as it happens: the engine tells it when an item is handed out and
 * settles, when a unit spawns, becomes ready and ends, and what the sampler heard. Columns grow in place,
 * so recording costs an array write per event.
 */
import { performance } from 'node:perf_hooks';
import type { UnitSample } from '../contract/strategy.js';
import { ITEM_OUTCOMES, type ItemOutcome, NOT_SETTLED, type RunTimeline, toMicros } from './run-timeline.js';

/** A unit's times, kept on its tally entry; `order` is its index in the record's `units`. */
export interface UnitTimes {
  readonly order: number;
  readonly spawnMs: number;
  readonly readyMs: number;
  endMs: number;
}

export class TimelineRecorder {
  private startedAt = 0;
  private readonly itemUnit: number[];
  private readonly itemStartMs: number[];
  private readonly itemEndMs: number[];
  private readonly itemOutcome: number[];
  private readonly samples = {
    atMs: [] as number[],
    unit: [] as number[],
    cpuMs: [] as number[],
    rssBytes: [] as number[],
  };
  private readonly loop = { atMs: [] as number[], delayMs: [] as number[] };
  /** When the loop was last seen free, and how often its timer ticks (0: no timer, nothing is noted). */
  private loopLast = 0;
  private loopEveryMs = 0;

  constructor(total: number) {
    this.itemUnit = new Array<number>(total).fill(-1);
    this.itemStartMs = new Array<number>(total).fill(Number.NaN);
    this.itemEndMs = new Array<number>(total).fill(Number.NaN);
    this.itemOutcome = new Array<number>(total).fill(NOT_SETTLED);
  }

  /** Times count from here: the same moment latencies count from. */
  start(startedAt: number): void {
    this.startedAt = startedAt;
  }

  /** Now, in milliseconds since the run started. */
  now(): number {
    return performance.now() - this.startedAt;
  }

  /** Item `index` was handed to the unit `order` (a retried item keeps its last hand-over). */
  began(index: number, order: number): void {
    this.itemStartMs[index] = toMicros(this.now());
    this.itemUnit[index] = order;
  }

  /** Item `index` settled at `atMs` (run time) with `outcome`: "ok" or its failure's kind. */
  settled(index: number, atMs: number, outcome: ItemOutcome): void {
    this.itemEndMs[index] = toMicros(atMs);
    this.itemOutcome[index] = ITEM_OUTCOMES.indexOf(outcome);
  }

  /** A unit's answer to the sampler. */
  sampled(order: number, sample: UnitSample): void {
    const cpu = (sample.cpuUserMs ?? Number.NaN) + (sample.cpuSystemMs ?? Number.NaN);
    this.samples.atMs.push(toMicros(this.now()));
    this.samples.unit.push(order);
    this.samples.cpuMs.push(toMicros(cpu));
    this.samples.rssBytes.push(sample.rssBytes ?? Number.NaN);
  }

  /** The loop's timer ticks every `everyMs` from now (see {@link loopCheck}). */
  loopTimer(everyMs: number): void {
    this.loopLast = this.now();
    this.loopEveryMs = everyMs;
  }

  /**
   * The loop's timer ticked (`fromTimer`), or the engine ran on it anyway (an item settled, the run
   * stopped): note how late the timer is. A task that blocks the loop from one item to the next never
   * lets the timer run at all, and these moments are then the only ones the engine has to say so.
   */
  loopCheck(fromTimer: boolean): void {
    if (this.loopEveryMs <= 0) return;
    const now = this.now();
    const delay = now - this.loopLast - this.loopEveryMs;
    if (!fromTimer && delay <= this.loopEveryMs) return;
    this.loop.atMs.push(toMicros(now));
    this.loop.delayMs.push(toMicros(Math.max(0, delay)));
    this.loopLast = now;
  }

  /** The timeline, with the units' times in the order of the record's `units`. */
  build(units: readonly UnitTimes[]): RunTimeline {
    const sorted = [...units].sort((a, b) => a.order - b.order);
    return {
      itemUnit: this.itemUnit,
      itemStartMs: this.itemStartMs,
      itemEndMs: this.itemEndMs,
      itemOutcome: this.itemOutcome,
      unitSpawnMs: sorted.map((u) => toMicros(u.spawnMs)),
      unitReadyMs: sorted.map((u) => toMicros(u.readyMs)),
      unitEndMs: sorted.map((u) => toMicros(u.endMs)),
      samples: this.samples,
      loop: this.loop,
    };
  }
}
