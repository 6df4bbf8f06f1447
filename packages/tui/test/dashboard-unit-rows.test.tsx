import { cleanup, render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { ColourContext } from '../src/dashboard/colour-context.js';
import { histogramRows } from '../src/dashboard/Histogram.js';
import type { Lane } from '../src/dashboard/live-board.js';
import { pickRows, StrategyPanel, type StrategyPanelProps } from '../src/dashboard/StrategyPanel.js';
import { plain, snapshot, unit } from './fixtures/dashboard/samples.js';

afterEach(cleanup);

const lane: Lane = { name: 'process', planned: 3, finished: [], running: true };

function panel(over: Partial<StrategyPanelProps>, colour = true) {
  return plain(rawPanel(over, colour));
}

/** The panel's frame as drawn on a terminal with or without colour. */
function rawPanel(over: Partial<StrategyPanelProps>, colour = true) {
  const props: StrategyPanelProps = {
    lane,
    current: {
      planned: { strategy: 'process', concurrency: 2, run: 1, warmup: false },
      position: 1,
      startedAt: 0,
    },
    runsPlanned: 3,
    snapshot: snapshot(),
    snapshotAt: 1000,
    now: 1000,
    budget: 20,
    width: 96,
    color: 'cyan',
    stalledMs: null,
    stallHint: null,
    ...over,
  };
  const drawn = render(
    <ColourContext.Provider value={colour}>
      <StrategyPanel {...props} />
    </ColourContext.Provider>,
  );
  return drawn.lastFrame() ?? '';
}

describe('the live panel', () => {
  const twoUnits = {
    snapshot: snapshot({
      units: [
        unit(0, { progress: 0.52, done: 3, cpuPercent: 98.6 }),
        unit(1, { id: 'pid 4242', inFlight: 0, item: null, state: 'idle', done: 1, failed: 2 }),
      ],
    }),
  };
  const row = (frame: string, id: string) => frame.split('\n').find((r) => r.includes(id)) ?? '';

  it('shows a row per unit with its id, progress, items done, CPU and memory', () => {
    const frame = panel(twoUnits);
    const first = row(frame, 'pid 4100');
    expect(first).toContain('52%');
    expect(first).toContain('item 0');
    expect(first).toContain('✓ 3');
    expect(first).toContain('99%');
    expect(first).toContain('48.0 MiB');
    const second = row(frame, 'pid 4242');
    expect(second).toContain('idle');
    expect(second).toContain('✗ 2');
    expect(frame).not.toContain('busiest');
  });

  it('draws progress as cells of colour, and as block characters without colour', () => {
    // Width 96 leaves a 26-column bar, drawn in background colour (the codes are checked in dashboard-colour).
    const coloured = panel(twoUnits);
    expect(row(coloured, 'pid 4100')).toMatch(/pid 4100 {27} {2}52%/);
    const monochrome = panel(twoUnits, false);
    expect(row(monochrome, 'pid 4100')).toMatch(/pid 4100 █{13}[▏▎▍▌▋▊▉]?░+ {2}52%/);
    expect(row(monochrome, 'pid 4242')).not.toContain('█');
  });

  it('puts elapsed time, throughput, ETA, run number and the engine loop delay in its header', () => {
    const frame = panel({});
    expect(frame).toContain('run 1/3');
    expect(frame).toContain('elapsed 1.23 s');
    expect(frame).toContain('2.5 items/s');
    expect(frame).toContain('ETA 1.20 s');
    expect(frame).toContain('engine loop delay p99 1.50 ms, max 3.00 ms');
  });

  it('keeps counting elapsed time between snapshots', () => {
    expect(panel({ snapshotAt: 1000, now: 3000 })).toContain('elapsed 3.23 s');
  });

  it('shows the busiest rows and a histogram when the units outnumber the rows', () => {
    const units = Array.from({ length: 64 }, (_, slot) =>
      unit(slot, { id: `slot ${slot}`, progress: slot / 64, inFlight: slot % 2 }),
    );
    const frame = panel({
      budget: 10,
      snapshot: snapshot({
        units,
        unitCount: 10_000,
        inFlight: 9_000,
        progressHistogram: [900, 900, 900, 900, 900, 900, 900, 900, 900, 2_000],
      }),
    });
    const shown = frame.split('\n').filter((r) => /slot \d+/.test(r));
    expect(shown).toHaveLength(6);
    // The busiest: in flight, with the most progress.
    expect(shown[shown.length - 1]).toContain('slot 63');
    expect(frame).toContain('showing the 6 busiest of 10,000 units');
    expect(frame).toContain('9,000 items in flight');
    expect(frame).toMatch(/0%\s+50%\s+100%/);
  });

  it('says when the engine has been silent too long, and why that is expected', () => {
    const frame = panel({ stalledMs: 2300, stallHint: 'CPU-bound work on the async strategy' });
    const text = frame.replace(/[│\s]+/g, ' ');
    expect(text).toContain('engine event loop blocked for 2.30 s — a task is not yielding');
    expect(text).toContain('(expected for CPU-bound work on the async strategy)');
  });
});

describe('pickRows', () => {
  it('keeps slot order when every unit fits', () => {
    const rows = pickRows(snapshot({ units: [unit(0, { progress: 0.1 }), unit(1, { progress: 0.9 })] }), 5);
    expect(rows.truncated).toBe(false);
    expect(rows.rows.map((u) => u.slot)).toEqual([0, 1]);
  });

  it('picks the busiest units, in slot order, when they do not fit', () => {
    const units = [
      unit(0, { inFlight: 0, progress: 0 }),
      unit(1, { progress: 0.2 }),
      unit(2, { progress: 0.9 }),
      unit(3, { progress: 0.5 }),
      unit(4, { inFlight: 0, progress: 0 }),
      unit(5, { progress: 0.1 }),
      unit(6, { inFlight: 2, progress: 0.05 }),
      unit(7, { progress: 0.3 }),
    ];
    // Six lines: four for the histogram, two for rows.
    const rows = pickRows(snapshot({ units }), 6);
    expect(rows.truncated).toBe(true);
    expect(rows.rows.map((u) => u.slot)).toEqual([2, 6]);
  });
});

describe('histogramRows', () => {
  it('draws the fullest bucket full height and leaves empty buckets blank', () => {
    const [top, bottom] = histogramRows([0, 5, 10, 0, 0, 0, 0, 0, 0, 1]);
    expect(top.slice(8, 11)).toBe('███');
    expect(bottom.slice(8, 11)).toBe('███');
    expect(top.slice(0, 3)).toBe('   ');
    expect(bottom.slice(0, 3)).toBe('   ');
    expect(bottom.slice(4, 7)).toBe('███');
    expect(top.slice(4, 7)).toBe('   ');
    // A single unit among ten still shows.
    expect(bottom.slice(36, 39).trim()).not.toBe('');
  });
});
