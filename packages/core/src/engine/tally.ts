/**
 * What a run has measured, item by item and unit by unit: each item settles once (a late answer from a unit
 * already given up on is ignored), and the run's record is built from it at the end.
 */
import { performance } from 'node:perf_hooks';
import type { Outcome, Unit, UnitSample } from '../contract/strategy.js';
import type { CpuTimes } from '../unit-kit/thread-cpu.js';
import type { ItemFailure, OutputChunk, RunRecord, UnitRecord } from './run-record.js';
import { toMicros } from './run-timeline.js';
import { TimelineRecorder, type UnitTimes } from './timeline-recorder.js';

/** A unit that took part in the run, as it is being counted; the record keeps all but `unit`. */
export interface UnitEntry {
  readonly slot: number;
  readonly id: string;
  items: number;
  failures: number;
  /** "running" until it ends: "closed", "killed: item 3 timed out", "unit exited with code 7"… */
  end: string;
  readonly unit: Unit;
  /** Its last figures, taken while the run closes. */
  sample?: UnitSample;
  /** When it spawned, became ready and ended, for the run's timeline. */
  readonly times: UnitTimes;
}

/** Why a run stopped: every item settled, the user cancelled it, or it could not go on (with the reason). */
export type StopReason =
  | { readonly why: 'finished' }
  | { readonly why: 'cancelled' }
  | { readonly why: 'aborted'; readonly message: string };

/** The figures of the run as a whole, measured by the engine around the tally. */
export interface RunFigures {
  readonly strategy: string;
  readonly run: number;
  readonly warmup: boolean;
  readonly concurrency: number;
  readonly wallMs: number;
  readonly startupMs: number;
  /** The engine process's own CPU time over the run's wall time. */
  readonly engineCpu: NodeJS.CpuUsage;
  /** The engine's main thread's CPU time over the same window, where the platform can tell. */
  readonly engineThreadCpu?: CpuTimes;
  readonly replacements: number;
  readonly loopDelay: RunRecord['loopDelay'];
  readonly output: readonly OutputChunk[];
  readonly outputTruncated: boolean;
  readonly stop: StopReason;
}

export class Tally {
  /** Every unit started, in the order they became ready, replaced ones included. */
  readonly units: UnitEntry[] = [];
  readonly latencyMs: number[];
  readonly serviceMs: number[];
  readonly values: unknown[] | undefined;
  private readonly failures: ItemFailure[] = [];
  private settledCount = 0;
  private startedAt = 0;
  /** When each item and unit did what, for the record's `timeline`. */
  readonly timeline: TimelineRecorder;

  constructor(
    private readonly total: number,
    keepValues: boolean,
  ) {
    this.latencyMs = new Array<number>(total).fill(Number.NaN);
    this.serviceMs = new Array<number>(total).fill(Number.NaN);
    this.values = keepValues ? new Array<unknown>(total) : undefined;
    this.timeline = new TimelineRecorder(total);
  }

  /** Latencies count from here. */
  start(): void {
    this.startedAt = performance.now();
    this.timeline.start(this.startedAt);
  }

  get complete(): boolean {
    return this.settledCount === this.total;
  }

  /** A unit became ready in `slot`; its spawn began at `spawnMs` (run time). */
  addUnit(slot: number, unit: Unit, spawnMs: number): UnitEntry {
    const times = { order: this.units.length, spawnMs, readyMs: this.timeline.now(), endMs: Number.NaN };
    const entry: UnitEntry = { slot, id: unit.id, items: 0, failures: 0, end: 'running', unit, times };
    this.units.push(entry);
    return entry;
  }

  /**
   * Settle item `index` with `outcome`, run on `slot` by `entry` (-1 and undefined where it never reached a
   * unit). Returns false, changing nothing, when the item had settled already.
   */
  settle(index: number, slot: number, entry: UnitEntry | undefined, outcome: Outcome): boolean {
    if (!Number.isNaN(this.latencyMs[index] ?? Number.NaN)) return false;
    const settledAt = performance.now() - this.startedAt;
    this.latencyMs[index] = settledAt;
    this.serviceMs[index] = outcome.serviceMs;
    this.timeline.settled(index, settledAt, outcome.ok ? 'ok' : outcome.error.kind);
    this.timeline.loopCheck(false);
    if (entry) entry.items += 1;
    if (outcome.ok) {
      if (this.values) this.values[index] = outcome.value;
    } else {
      if (entry) entry.failures += 1;
      const message = capMessage(outcome.error.message);
      this.failures.push({ index, kind: outcome.error.kind, message, unit: slot });
    }
    this.settledCount += 1;
    return true;
  }

  /** The unit of `entry` ended now (the first time counts: a close that fails and is followed by a kill). */
  unitEnded(entry: UnitEntry): void {
    if (Number.isNaN(entry.times.endMs)) entry.times.endMs = this.timeline.now();
  }

  /**
   * The CPU time of the threads that ran the work: the engine's main thread (which runs in-engine units'
   * tasks too) and each unit's own thread; undefined where one of them cannot be told.
   */
  private taskCpu(engineThread: CpuTimes | undefined): CpuTimes | undefined {
    if (!engineThread) return undefined;
    let { userMs, systemMs } = engineThread;
    for (const { sample } of this.units) {
      // A unit that could give no figures at all: the sum would leave its thread out.
      if (!sample) return undefined;
      if (sample.scope === 'shared') continue;
      const user = sample.scope === 'thread' ? sample.cpuUserMs : sample.mainThreadCpuUserMs;
      const system = sample.scope === 'thread' ? sample.cpuSystemMs : sample.mainThreadCpuSystemMs;
      if (user === undefined || system === undefined) return undefined;
      userMs += user;
      systemMs += system;
    }
    return { userMs, systemMs };
  }

  /** The run's record (with the values, when they were kept). */
  record(f: RunFigures): RunRecord & { readonly values?: readonly unknown[] } {
    let userMs = f.engineCpu.user / 1000;
    let systemMs = f.engineCpu.system / 1000;
    let peakRssBytes = process.resourceUsage().maxRSS * 1024;
    // A unit in a process of its own is not in the engine's figures: add it. Thread and shared units are.
    for (const { sample } of this.units) {
      if (sample?.scope !== 'process') continue;
      userMs += sample.cpuUserMs ?? 0;
      systemMs += sample.cpuSystemMs ?? 0;
      peakRssBytes += sample.peakRssBytes ?? sample.rssBytes ?? 0;
    }
    const units: UnitRecord[] = this.units.map(({ unit: _unit, times, ...record }) => ({
      ...record,
      startupMs: times.readyMs - times.spawnMs,
    }));
    const taskCpu = this.taskCpu(f.engineThreadCpu);
    const done = this.settledCount - this.failures.length;
    return {
      strategy: f.strategy,
      run: f.run,
      warmup: f.warmup,
      concurrency: f.concurrency,
      wallMs: f.wallMs,
      startupMs: f.startupMs,
      cpu: { userMs, systemMs },
      ...(taskCpu && { taskCpu }),
      peakRssBytes,
      items: { total: this.total, done, failed: this.failures.length },
      // To the microsecond, like the timeline: the figures stay exact enough and a report of many
      // thousand items stays small.
      latencyMs: this.latencyMs.map(toMicros),
      serviceMs: this.serviceMs.map(toMicros),
      failures: this.failures.sort((a, b) => a.index - b.index),
      replacements: f.replacements,
      units,
      loopDelay: f.loopDelay,
      output: f.output,
      outputTruncated: f.outputTruncated,
      timeline: this.timeline.build(this.units.map((u) => u.times)),
      cancelled: f.stop.why === 'cancelled',
      ...(f.stop.why === 'aborted' ? { aborted: f.stop.message } : {}),
      ...(this.values ? { values: this.values } : {}),
    };
  }
}

/**
 * Longest failure message kept per item: enough for any stack trace a person reads, while a task that throws
 * megabytes of text per item cannot swell the report (every failure is kept in it).
 */
export const FAILURE_MESSAGE_LIMIT = 4000;

function capMessage(message: string): string {
  if (message.length <= FAILURE_MESSAGE_LIMIT) return message;
  const cut = message.length - FAILURE_MESSAGE_LIMIT;
  return `${message.slice(0, FAILURE_MESSAGE_LIMIT)}… (${cut} more characters cut)`;
}
