import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunRecord, RunTimeline } from '@concur/core';
import { cleanup, render } from 'ink-testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../src/dashboard/App.js';
import type { ExecuteComparison } from '../src/session/types.js';
import { CELL, timelineGrid } from '../src/timeline/timeline-cells.js';
import { catalog, eventually, plain, record, report, tick } from './fixtures/dashboard/samples.js';

afterEach(cleanup);

/** A run of four 1-second items: on two units two by two, or on four slots that share one thread. */
function fourItems(strategy: string, units: number, oneAtATime: boolean): RunRecord {
  const starts = oneAtATime ? [0, 1000, 2000, 3000] : [0, 0, 1000, 1000];
  const timeline: RunTimeline = {
    itemUnit: [0, 1, 2, 3].map((i) => i % units),
    itemStartMs: starts.map((s) => s + 100),
    itemEndMs: oneAtATime ? [4100, 4100, 4100, 4100] : starts.map((s) => s + 1100),
    itemOutcome: [0, 0, 0, 0],
    unitSpawnMs: Array.from({ length: units }, () => 0),
    unitReadyMs: Array.from({ length: units }, () => 100),
    unitEndMs: Array.from({ length: units }, () => 4200),
    samples: { atMs: [], unit: [], cpuMs: [], rssBytes: [] },
    loop: oneAtATime ? { atMs: [4100], delayMs: [3950] } : { atMs: [], delayMs: [] },
  };
  return record({
    strategy,
    concurrency: units,
    wallMs: 4200,
    latencyMs: timeline.itemEndMs,
    serviceMs: [1000, 1000, 1000, 1000],
    units: Array.from({ length: units }, (_, u) => ({
      slot: u,
      id: `unit ${u}`,
      items: 1,
      failures: 0,
      end: 'closed',
    })),
    timeline,
  });
}

const withTimelines = report({ runs: [fourItems('process', 2, false), fourItems('async', 4, true)] });

describe('the terminal timeline', () => {
  it('puts two process units’ items side by side, and async’s four one after another', () => {
    const process = timelineGrid(fourItems('process', 2, false), 42, 20);
    expect(process.labels).toEqual(['unit 0', 'unit 1']);
    // Both units run an item in the same stretch of time: cell 20 (2 s) is running on both rows.
    const running = (cell: number | undefined) => cell === CELL.runA || cell === CELL.runB;
    expect(running(process.cells[0]?.[5])).toBe(true);
    expect(running(process.cells[1]?.[5])).toBe(true);
    // Two items follow each other on a unit, in the two shades.
    expect(process.cells[0]?.[5]).not.toBe(process.cells[0]?.[15]);

    const oneThread = timelineGrid(fourItems('async', 4, true), 42, 20);
    expect(oneThread.labels).toEqual(['engine loop', 'unit 0', 'unit 1', 'unit 2', 'unit 3']);
    // At each moment exactly one slot is running; each item then waits in flight until the end.
    for (const cell of [5, 15, 25, 35])
      expect(oneThread.cells.slice(1).filter((row) => running(row[cell]))).toHaveLength(1);
    expect(oneThread.cells[1]?.[35]).toBe(CELL.waiting);
    expect(oneThread.cells[0]?.[20]).toBe(CELL.blocked);
  });

  it('shares rows between units when the screen has fewer rows than the run has units', () => {
    const grid = timelineGrid(fourItems('async', 4, true), 40, 3);
    expect(grid.labels).toEqual(['engine loop', 'units 0–1', 'units 2–3']);
  });
});

async function atResults(r = withTimelines, cwd?: string) {
  const execute = vi.fn<ExecuteComparison>(() => Promise.resolve(r));
  const app = render(
    <App catalog={catalog()} execute={execute} onExit={() => {}} {...(cwd ? { cwd } : {})} />,
  );
  await tick();
  app.stdin.write('\r');
  await eventually(() => expect(plain(app.lastFrame())).toContain('Verdict'));
  return { app, frame: () => plain(app.lastFrame()) };
}

describe('the results screen’s timeline view', () => {
  it('opens with t, one strategy at a time, → to the next, esc back', async () => {
    const { app, frame } = await atResults();
    app.stdin.write('t');
    await eventually(() => expect(frame()).toContain('Timeline · process ×2 · run 1 · 1/2'));
    expect(frame()).toMatch(/^unit 0 +│▒*[█▓]/m);
    expect(frame()).toMatch(/^unit 1 +│▒*[█▓]/m);
    app.stdin.write('\u001b[C');
    await eventually(() => expect(frame()).toContain('Timeline · async ×4 · run 1 · 2/2'));
    expect(frame()).toMatch(/^engine loop +│ *█/m);
    app.stdin.write('\u001b');
    await eventually(() => expect(frame()).toContain('Verdict'));
  });

  it('says so for a report whose runs kept no timeline', async () => {
    const { app, frame } = await atResults(report());
    app.stdin.write('t');
    await eventually(() => expect(frame()).toContain('No run of this comparison kept a timeline'));
  });
});

describe('e offers every format', () => {
  it('writes the HTML report or the trace when picked, and says the path', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'concur-export-'));
    try {
      const { app, frame } = await atResults(withTimelines, dir);
      app.stdin.write('e');
      await eventually(() => expect(frame()).toContain('h HTML · t trace (Perfetto)'));
      app.stdin.write('h');
      await eventually(() => expect(frame()).toMatch(/exported to \.\/concur-report-[\dT-]+\.html$/m));
      app.stdin.write('e');
      await tick();
      app.stdin.write('t');
      await eventually(() => expect(frame()).toMatch(/exported to \.\/concur-report-[\dT-]+\.trace\.json$/m));
      const files = (await readdir(dir)).sort();
      expect(files.map((f) => f.replace(/\d{4}-[\dT-]+/, 'X'))).toEqual([
        'concur-report-X.html',
        'concur-report-X.trace.json',
      ]);
      expect(await readFile(join(dir, files[0] ?? ''), 'utf8')).toMatch(/^<!doctype html>/);
      expect(
        JSON.parse(await readFile(join(dir, files[1] ?? ''), 'utf8')).traceEvents.length,
      ).toBeGreaterThan(0);
      // Any other key closes the offer without writing.
      app.stdin.write('e');
      await tick();
      app.stdin.write('x');
      await tick();
      expect(await readdir(dir)).toHaveLength(2);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
