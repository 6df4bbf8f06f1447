/**
 * The comparison as a Chrome trace-event document (the JSON object form), which Perfetto and Chromium's trace
 * viewer open as it is: a process per strategy run, a thread track per unit with its start-up and a slice per
 * item (named by its index, coloured by its outcome, from its hand-over to its settling) holding a `run`
 * slice (its service time, from the hand-over: the task itself), and counter tracks for each unit's CPU and
 * memory and for the engine's loop delay. A strategy whose units all run on the engine's thread (async) also
 * gets its runs on that thread's track, where they lie one after another as they ran. Every run starts at
 * time 0, so the runs lie one above another on one axis.
 */
import type { RunRecord } from '../engine/run-record.js';
import { ITEM_OUTCOMES, type ItemOutcome, type RunTimeline } from '../engine/run-timeline.js';
import type { Report } from './types.js';

/** One trace event; `ts` and `dur` are in microseconds. */
export interface TraceEvent {
  readonly name: string;
  readonly ph: 'X' | 'C' | 'M' | 'i';
  readonly pid: number;
  readonly tid?: number;
  readonly ts?: number;
  readonly dur?: number;
  readonly cat?: string;
  /** The legacy viewer's reserved colour name; Perfetto colours by name. */
  readonly cname?: string;
  /** Scope of an instant event: `t` its thread. */
  readonly s?: 't';
  readonly args?: Readonly<Record<string, unknown>>;
}

export interface TraceDocument {
  readonly traceEvents: readonly TraceEvent[];
  readonly displayTimeUnit: 'ms';
  readonly otherData: Readonly<Record<string, string>>;
}

/** The track of events that belong to no unit: the loop delay's counter, items that never reached a unit. */
const ENGINE_TID = 0;

/** Reserved colour names of the trace viewer, by outcome: green for done, red and orange for failures. */
const COLOURS: Readonly<Record<ItemOutcome, string>> = {
  ok: 'good',
  threw: 'terrible',
  'not-cloneable': 'terrible',
  'unit-exited': 'bad',
  killed: 'bad',
  timeout: 'bad',
  cancelled: 'grey',
  'spawn-failed': 'bad',
};

export function reportToTrace(report: Report): TraceDocument {
  const inLoop = new Set(report.traits.filter((t) => t.traits.inEngineLoop).map((t) => t.name));
  const traceEvents = report.runs.flatMap((run, index) =>
    runEvents(run, index + 1, inLoop.has(run.strategy)),
  );
  return {
    traceEvents,
    displayTimeUnit: 'ms',
    otherData: {
      workload: report.workload.name,
      createdAt: report.createdAt,
      machine: `${report.machine.cpus} cores, ${report.machine.cpuModel}, Node ${report.machine.node}`,
    },
  };
}

/** The trace as text: one event a line, which keeps a large trace readable and diffable. */
export function renderTrace(report: Report): string {
  const { traceEvents, ...rest } = reportToTrace(report);
  const head = JSON.stringify(rest).slice(0, -1);
  return `${head},"traceEvents":[\n${traceEvents.map((e) => JSON.stringify(e)).join(',\n')}\n]}\n`;
}

export function runLabel(run: RunRecord): string {
  return `${run.strategy} × ${run.concurrency} · ${run.warmup ? 'warmup' : 'run'} ${run.run}`;
}

const micros = (ms: number) => Math.round(ms * 1000);

function runEvents(run: RunRecord, pid: number, inEngineLoop: boolean): TraceEvent[] {
  const engine = inEngineLoop ? "engine thread (every unit's tasks run here)" : 'engine';
  const events: TraceEvent[] = [
    { name: 'process_name', ph: 'M', pid, args: { name: runLabel(run) } },
    { name: 'process_sort_index', ph: 'M', pid, args: { sort_index: pid } },
    { name: 'thread_name', ph: 'M', pid, tid: ENGINE_TID, args: { name: engine } },
    { name: 'thread_sort_index', ph: 'M', pid, tid: ENGINE_TID, args: { sort_index: ENGINE_TID } },
  ];
  run.units.forEach((unit, order) => {
    const tid = order + 1;
    const name = `unit ${order} · slot ${unit.slot} · ${unit.id}`;
    events.push(
      { name: 'thread_name', ph: 'M', pid, tid, args: { name } },
      { name: 'thread_sort_index', ph: 'M', pid, tid, args: { sort_index: tid } },
    );
  });
  const t = run.timeline;
  if (!t) return events;
  const slices = [...unitSlices(run, t, pid), ...itemSlices(run, t, pid, inEngineLoop)];
  // Monotonic per track: the viewer reads each track's events in order.
  slices.sort(
    (a, b) => (a.tid ?? 0) - (b.tid ?? 0) || (a.ts ?? 0) - (b.ts ?? 0) || (b.dur ?? 0) - (a.dur ?? 0),
  );
  return [...events, ...slices, ...counterEvents(t, pid)];
}

function unitSlices(run: RunRecord, t: RunTimeline, pid: number): TraceEvent[] {
  return run.units.flatMap((unit, order): TraceEvent[] => {
    const spawn = t.unitSpawnMs[order] ?? Number.NaN;
    const ready = t.unitReadyMs[order] ?? Number.NaN;
    const end = t.unitEndMs[order] ?? Number.NaN;
    const tid = order + 1;
    const out: TraceEvent[] = [];
    if (Number.isFinite(spawn) && Number.isFinite(ready))
      out.push({
        name: 'start-up',
        cat: 'unit',
        ph: 'X',
        pid,
        tid,
        ts: micros(spawn),
        dur: micros(ready) - micros(spawn),
        cname: 'startup',
      });
    if (Number.isFinite(end))
      out.push({ name: unit.end, cat: 'unit', ph: 'i', s: 't', pid, tid, ts: micros(end) });
    return out;
  });
}

function itemSlices(run: RunRecord, t: RunTimeline, pid: number, inEngineLoop: boolean): TraceEvent[] {
  const out: TraceEvent[] = [];
  const onEngine: TraceEvent[] = [];
  for (let index = 0; index < t.itemUnit.length; index += 1) {
    const start = t.itemStartMs[index] ?? Number.NaN;
    const end = t.itemEndMs[index] ?? Number.NaN;
    const outcome = ITEM_OUTCOMES[t.itemOutcome[index] ?? -1];
    if (outcome === undefined || !Number.isFinite(end)) continue;
    const unit = t.itemUnit[index] ?? -1;
    const args = { index, outcome };
    // An item that never reached a unit failed at one moment: a mark on the engine's track.
    if (unit < 0 || !Number.isFinite(start)) {
      out.push({
        name: `item ${index}`,
        cat: 'item',
        ph: 'i',
        s: 't',
        pid,
        tid: ENGINE_TID,
        ts: micros(end),
        args,
      });
      continue;
    }
    const ts = micros(start);
    const dur = Math.max(0, micros(end) - ts);
    const tid = unit + 1;
    out.push({
      name: `item ${index}`,
      cat: 'item',
      ph: 'X',
      pid,
      tid,
      ts,
      dur,
      cname: COLOURS[outcome],
      args,
    });
    // The task's own run, as the unit measured it; placed from the hand-over, as a unit starts an item at once.
    const service = run.serviceMs[index] ?? Number.NaN;
    if (!Number.isFinite(service)) continue;
    const runDur = Math.min(dur, micros(service));
    out.push({ name: 'run', cat: 'run', ph: 'X', pid, tid, ts, dur: runDur, cname: COLOURS[outcome], args });
    if (inEngineLoop)
      onEngine.push({
        name: `item ${index}`,
        cat: 'run',
        ph: 'X',
        pid,
        tid: ENGINE_TID,
        ts,
        dur: runDur,
        cname: COLOURS[outcome],
        args,
      });
  }
  return [...out, ...oneAfterAnother(onEngine)];
}

/**
 * Runs that lie one after another on the engine's thread, or none: tasks that wait (I/O) overlap there,
 * and a track's slices must nest; their overlap is then shown by the units' tracks alone.
 */
function oneAfterAnother(slices: TraceEvent[]): TraceEvent[] {
  slices.sort((a, b) => (a.ts ?? 0) - (b.ts ?? 0));
  for (let i = 1; i < slices.length; i += 1) {
    const before = slices[i - 1];
    if ((before?.ts ?? 0) + (before?.dur ?? 0) > (slices[i]?.ts ?? 0)) return [];
  }
  return slices;
}

/** Counters: per unit its CPU (the share of one core between two samples) and memory; the engine's loop delay. */
function counterEvents(t: RunTimeline, pid: number): TraceEvent[] {
  const out: TraceEvent[] = [];
  const last = new Map<number, { at: number; cpu: number }>();
  const s = t.samples;
  const rows = s.atMs
    .map((at, row) => ({ at, row }))
    .sort((a, b) => a.at - b.at)
    .map(({ row }) => row);
  for (const row of rows) {
    const unit = s.unit[row] ?? 0;
    const at = s.atMs[row] ?? 0;
    const cpu = s.cpuMs[row] ?? Number.NaN;
    const rss = s.rssBytes[row] ?? Number.NaN;
    const before = last.get(unit);
    if (Number.isFinite(cpu)) {
      if (before && at > before.at) {
        const percent = (100 * (cpu - before.cpu)) / (at - before.at);
        out.push(counter(`unit ${unit} CPU %`, pid, at, { 'CPU %': round(Math.max(0, percent)) }));
      }
      last.set(unit, { at, cpu });
    }
    if (Number.isFinite(rss))
      out.push(counter(`unit ${unit} memory MB`, pid, at, { 'RSS MB': round(rss / 2 ** 20) }));
  }
  t.loop.atMs.forEach((at, row) => {
    out.push(counter('engine loop delay ms', pid, at, { 'delay ms': round(t.loop.delayMs[row] ?? 0) }));
  });
  return out;
}

function counter(name: string, pid: number, atMs: number, args: Record<string, number>): TraceEvent {
  return { name, ph: 'C', pid, tid: ENGINE_TID, ts: micros(atMs), args };
}

const round = (n: number) => Math.round(n * 100) / 100;
