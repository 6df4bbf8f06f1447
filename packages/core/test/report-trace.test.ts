import { describe, expect, it } from 'vitest';
import { defineWorkload, type Strategy } from '../src/index.js';
import type { StrategyChoice } from '../src/orchestrate/compare.js';
import { compare, comparisonToReport, renderReport } from '../src/orchestrate/index.js';
import type { TraceEvent } from '../src/report/trace.js';
import { fixtureTasks } from '../src/testkit/index.js';

const inProcessUrl = new URL('./fixtures/strategies/in-process.mjs', import.meta.url).href;
const inProcess = ((await import(inProcessUrl)) as { default: Strategy }).default;
const choice: StrategyChoice = { name: 'in-process', moduleUrl: inProcessUrl, strategy: inProcess };

const waits = defineWorkload({
  name: 'waits',
  description: 'four items that each wait 60 ms',
  kind: 'io',
  task: fixtureTasks.interval,
  params: {},
  inputs: () => Array.from({ length: 4 }, () => ({ ms: 60 })),
});

/** Map.groupBy, which Node 20 lacks. */
function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

/** Every rule of the trace-event format that a viewer relies on, checked on one document; returns the events. */
function checkTraceRules(text: string): TraceEvent[] {
  const doc = JSON.parse(text) as { traceEvents: TraceEvent[]; displayTimeUnit: string };
  expect(doc.displayTimeUnit).toBe('ms');
  const events = doc.traceEvents;
  const named = new Set<string>();
  const processes = new Set<number>();
  for (const e of events) {
    expect(typeof e.name).toBe('string');
    expect(['X', 'C', 'M', 'i']).toContain(e.ph);
    expect(Number.isInteger(e.pid)).toBe(true);
    if (e.ph === 'M') {
      if (e.name === 'process_name') processes.add(e.pid);
      if (e.name === 'thread_name') named.add(`${e.pid}/${e.tid}`);
      continue;
    }
    // Timestamps and durations are whole microseconds, never negative.
    expect(Number.isInteger(e.ts) && (e.ts ?? -1) >= 0).toBe(true);
    if (e.ph === 'X') expect(Number.isInteger(e.dur) && (e.dur ?? -1) >= 0).toBe(true);
    if (e.ph === 'C') expect(Object.values(e.args ?? {}).every((v) => Number.isFinite(v))).toBe(true);
  }
  // Metadata names every process and every thread track that holds an event.
  for (const e of events) {
    if (e.ph === 'M') continue;
    expect(processes.has(e.pid)).toBe(true);
    if (e.ph !== 'C')
      expect(named.has(`${e.pid}/${e.tid}`), `track ${e.pid}/${e.tid} has no name`).toBe(true);
  }
  // Per track, slices come in time order and nest (each one closed before a sibling opens).
  const tracks = groupBy(
    events.filter((e) => e.ph === 'X'),
    (e) => `${e.pid}/${e.tid}`,
  );
  for (const slices of tracks.values()) {
    const open: number[] = [];
    let last = -1;
    for (const s of slices) {
      const ts = s.ts ?? 0;
      expect(ts).toBeGreaterThanOrEqual(last);
      last = ts;
      while (open.length > 0 && (open.at(-1) ?? 0) <= ts) open.pop();
      const end = ts + (s.dur ?? 0);
      if (open.length > 0) expect(end).toBeLessThanOrEqual(open.at(-1) ?? 0);
      open.push(end);
    }
  }
  // Counters of one name come in time order too.
  const counters = groupBy(
    events.filter((e) => e.ph === 'C'),
    (e) => `${e.pid}/${e.name}`,
  );
  for (const series of counters.values()) {
    const ts = series.map((e) => e.ts ?? 0);
    expect(ts).toEqual([...ts].sort((a, b) => a - b));
  }
  return events;
}

describe('the trace of a real comparison', () => {
  it('follows the trace-event format: a process per run, a named track per unit, an item slice each', async () => {
    const comparison = await compare({
      workload: waits,
      params: {},
      strategies: [choice],
      concurrency: [2],
      runs: 1,
    });
    const report = comparisonToReport(comparison, { strategies: [choice], runs: 1, warmup: 0 });
    const events = checkTraceRules(renderReport(report, 'trace'));
    const names = events.filter((e) => e.name === 'process_name').map((e) => e.args?.name);
    expect(names).toEqual(['baseline × 1 · run 1', 'in-process × 2 · run 1']);
    const items = events.filter((e) => e.ph === 'X' && e.cat === 'item');
    // Each item holds its run: the service time the unit measured, from the hand-over.
    const runs = events.filter((e) => e.ph === 'X' && e.name === 'run');
    expect(runs).toHaveLength(8);
    for (const r of runs) {
      const item = items.find((i) => i.pid === r.pid && i.tid === r.tid && i.ts === r.ts);
      expect((r.dur ?? 0) <= (item?.dur ?? -1)).toBe(true);
    }
    // Four items in each run, each at least its 60 ms wait long, in microseconds.
    expect(items).toHaveLength(8);
    for (const item of items) expect(item.dur).toBeGreaterThanOrEqual(59_000);
    // The baseline ran them one after another on one unit; the strategy on two units side by side.
    const byPid = groupBy(items, (e) => e.pid);
    expect(new Set(byPid.get(1)?.map((e) => e.tid)).size).toBe(1);
    const strategyItems = byPid.get(2) ?? [];
    expect(new Set(strategyItems.map((e) => e.tid)).size).toBe(2);
    const [a, b] = strategyItems.sort((x, y) => (x.ts ?? 0) - (y.ts ?? 0));
    expect((b?.ts ?? 0) < (a?.ts ?? 0) + (a?.dur ?? 0)).toBe(true);
    // The baseline runs on the engine's own thread: its runs lie there too, one after another.
    const onEngine = events.filter((e) => e.ph === 'X' && e.pid === 1 && e.tid === 0);
    expect(onEngine).toHaveLength(4);
    for (let i = 1; i < onEngine.length; i += 1)
      expect(onEngine[i]?.ts ?? 0).toBeGreaterThanOrEqual(
        (onEngine[i - 1]?.ts ?? 0) + (onEngine[i - 1]?.dur ?? 0),
      );
    // Each unit's start-up is a slice before its first item; the loop's delay is a counter track.
    const startups = events.filter((e) => e.name === 'start-up' && e.pid === 2);
    expect(startups).toHaveLength(2);
    expect(events.some((e) => e.ph === 'C' && e.name === 'engine loop delay ms')).toBe(true);
  });
});
