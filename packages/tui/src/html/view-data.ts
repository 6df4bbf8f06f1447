/**
 * What the HTML report's charts draw, made from the report: small on purpose, so that a comparison of many
 * thousand items stays a file one can mail. The charts need no raw latencies, only bins; and of each
 * strategy × concurrency only its median run's timeline, in whole quanta of time rather than decimals.
 */
import type { Report, RunRecord, ScalingFit } from '@concur/core';
import { medianRunLabel, medianRuns } from '../timeline/median-runs.js';

export interface WallBar {
  readonly label: string;
  readonly strategy: string;
  readonly median: number;
  readonly ci95: readonly [number, number] | null;
  readonly min: number;
  readonly max: number;
}

export interface LatencySeries {
  readonly label: string;
  readonly strategy: string;
  /** Items per bin; the bins are {@link HtmlData.latency}'s `edges`. */
  readonly counts: readonly number[];
}

/** One run's timeline, in whole `quantumMs` steps. */
export interface TimelineView {
  readonly label: string;
  readonly strategy: string;
  readonly wallMs: number;
  readonly quantumMs: number;
  /** Row labels, top to bottom; several units share a row when there are more than {@link MAX_ROWS}. */
  readonly rows: readonly string[];
  /**
   * Per item that ran: its row, start (handed out), duration (to settled), its run (the service time the
   * unit measured, from the start; -1 unknown), all in quanta, and its outcome (`ITEM_OUTCOMES` index).
   */
  readonly itemRow: readonly number[];
  readonly itemStart: readonly number[];
  readonly itemDur: readonly number[];
  readonly itemRun: readonly number[];
  readonly itemOutcome: readonly number[];
  /** Per unit: its row, start-up start and end (quanta). */
  readonly startups: readonly (readonly [number, number, number])[];
  /** Stretches where the engine's loop was blocked: start and end (quanta). */
  readonly blocked: readonly (readonly [number, number])[];
  /** Whether this strategy runs its tasks on the engine's loop (so a blocked loop is its own doing). */
  readonly inEngineLoop: boolean;
}

export interface SweepView {
  readonly points: readonly { strategy: string; concurrency: number; measured: number }[];
  readonly fits: readonly ScalingFit[];
  /** This machine's cores and the run's items: the fit's curve is drawn for as many cores as units. */
  readonly cpus: number;
  readonly items: number;
}

export interface HtmlData {
  readonly order: readonly string[];
  readonly wall: readonly WallBar[];
  readonly latency: {
    readonly what: string;
    readonly edges: readonly number[];
    readonly series: readonly LatencySeries[];
  };
  readonly timelines: readonly TimelineView[];
  readonly sweep: SweepView | null;
  readonly outcomes: readonly string[];
}

/** Rows a timeline draws at most; a thousand async slots share rows in groups. */
export const MAX_ROWS = 40;
/** A tick this late marks the loop as blocked: five times the tick, so ordinary jitter never shows. */
const BLOCKED_MS = 250;
const BINS = 40;

export function htmlData(report: Report, outcomes: readonly string[]): HtmlData {
  const order = report.settings.strategies;
  const measured = report.runs.filter((r) => !r.warmup);
  const label = (strategy: string, concurrency: number) => `${strategy} ×${concurrency}`;
  const wall = report.summary.map((s) => ({
    label: label(s.strategy, s.concurrency),
    strategy: s.strategy,
    median: s.wall.median,
    ci95: s.wall.ci95,
    min: s.wall.min,
    max: s.wall.max,
  }));
  const inLoop = new Map(report.traits.map((t) => [t.name, t.traits.inEngineLoop === true]));
  const groups = groupRuns(measured);
  const timelines = medianRuns(report).map((m) =>
    timelineView(m.run, medianRunLabel(m), inLoop.get(m.run.strategy) ?? false),
  );
  const fits = report.scaling ?? [];
  const sweep =
    fits.length === 0
      ? null
      : {
          points: fits.flatMap((f) =>
            f.points.map((p) => ({ strategy: f.strategy, concurrency: p.concurrency, measured: p.measured })),
          ),
          fits,
          cpus: report.machine.cpus,
          items: report.workload.items,
        };
  return { order, wall, latency: latencyBins(groups), timelines, sweep, outcomes };
}

/** Measured runs by strategy × concurrency, in order of first appearance. */
function groupRuns(runs: readonly RunRecord[]): RunRecord[][] {
  const groups = new Map<string, RunRecord[]>();
  for (const run of runs) {
    const key = `${run.strategy}\u0000${run.concurrency}`;
    groups.set(key, [...(groups.get(key) ?? []), run]);
  }
  return [...groups.values()];
}

/**
 * Each item's time on its unit (handed out → settled) where the timeline has it, else its service time:
 * the latency of an item the way a concurrency model shapes it. Bins are shared by every series.
 */
function latencyBins(groups: readonly RunRecord[][]): HtmlData['latency'] {
  const perGroup = groups.map((runs) => {
    const values: number[] = [];
    for (const run of runs) {
      const t = run.timeline;
      for (let i = 0; i < run.items.total; i += 1) {
        const ms = t
          ? (t.itemEndMs[i] ?? Number.NaN) - (t.itemStartMs[i] ?? Number.NaN)
          : (run.serviceMs[i] ?? Number.NaN);
        if (Number.isFinite(ms)) values.push(ms);
      }
    }
    const first = runs[0];
    return {
      label: first ? `${first.strategy} ×${first.concurrency}` : '',
      strategy: first?.strategy ?? '',
      values,
    };
  });
  const what = groups.some((runs) => runs.some((r) => r.timeline))
    ? 'time on its unit, handed out → settled'
    : 'service time inside the unit';
  let top = 0;
  for (const { values } of perGroup) for (const v of values) if (v > top) top = v;
  const step = top > 0 ? top / BINS : 1;
  const edges = Array.from({ length: BINS + 1 }, (_, i) => round(i * step));
  const series = perGroup.map(({ label, strategy, values }) => {
    const counts = new Array<number>(BINS).fill(0);
    for (const v of values) {
      const bin = Math.min(BINS - 1, Math.floor(v / step));
      counts[bin] = (counts[bin] ?? 0) + 1;
    }
    return { label, strategy, counts };
  });
  return { what, edges, series };
}

/** The run's timeline in whole quanta: a millionth of the wall, rounded down to a power of ten, at least 1 µs. */
function timelineView(run: RunRecord, label: string, inEngineLoop: boolean): TimelineView {
  const t = run.timeline;
  if (!t) throw new Error('timelineView needs a run with a timeline. This is a bug in concur.');
  const quantumMs = Math.max(0.001, 10 ** Math.floor(Math.log10(Math.max(run.wallMs, 1) / 1e5)));
  const q = (ms: number) => Math.round(ms / quantumMs);
  const units = run.units.length;
  const rowCount = Math.min(units, MAX_ROWS);
  const rowOf = (unit: number) => Math.floor((unit * rowCount) / Math.max(units, 1));
  const rows = Array.from({ length: rowCount }, (_, row) => {
    const first = Math.ceil((row * units) / rowCount);
    const last = Math.ceil(((row + 1) * units) / rowCount) - 1;
    if (first === last) return `unit ${first} · ${run.units[first]?.id ?? ''}`;
    return `units ${first}–${last}`;
  });
  const itemRow: number[] = [];
  const itemStart: number[] = [];
  const itemDur: number[] = [];
  const itemRun: number[] = [];
  const itemOutcome: number[] = [];
  for (let i = 0; i < t.itemUnit.length; i += 1) {
    const unit = t.itemUnit[i] ?? -1;
    const start = t.itemStartMs[i] ?? Number.NaN;
    const end = t.itemEndMs[i] ?? Number.NaN;
    if (unit < 0 || !Number.isFinite(start) || !Number.isFinite(end)) continue;
    itemRow.push(rowOf(unit));
    itemStart.push(q(start));
    itemDur.push(q(end) - q(start));
    const service = run.serviceMs[i] ?? Number.NaN;
    itemRun.push(Number.isFinite(service) ? Math.min(q(end) - q(start), q(service)) : -1);
    itemOutcome.push(t.itemOutcome[i] ?? -1);
  }
  const startups = run.units.flatMap((_, unit): [number, number, number][] => {
    const spawn = t.unitSpawnMs[unit] ?? Number.NaN;
    const ready = t.unitReadyMs[unit] ?? Number.NaN;
    return Number.isFinite(spawn) && Number.isFinite(ready) ? [[rowOf(unit), q(spawn), q(ready)]] : [];
  });
  const blocked = t.loop.atMs.flatMap((at, i): [number, number][] => {
    const delay = t.loop.delayMs[i] ?? 0;
    return delay >= BLOCKED_MS ? [[q(at - delay), q(at)]] : [];
  });
  return {
    label,
    strategy: run.strategy,
    wallMs: run.wallMs,
    quantumMs,
    rows,
    itemRow,
    itemStart,
    itemDur,
    itemRun,
    itemOutcome,
    startups,
    blocked,
    inEngineLoop,
  };
}

const round = (n: number) => Math.round(n * 1000) / 1000;
