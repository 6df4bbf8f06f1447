/**
 * One run's timeline as character cells for the terminal: a row per unit (several units to a row when the
 * screen has fewer rows than the run has units), time across in `width` cells, each cell showing the most
 * telling thing in its stretch of time. An item runs from its hand-over for its service time, as the unit
 * measured it, and waits in flight after that until it settles.
 */
import { ITEM_OUTCOMES, type RunRecord } from '@concur/core';

/** What a cell shows, from the least to the most telling: a cell keeps the highest it meets. */
export const CELL = {
  idle: 0,
  waiting: 1,
  startup: 2,
  runA: 3,
  runB: 4,
  failed: 5,
  blocked: 6,
} as const;

export type Cell = (typeof CELL)[keyof typeof CELL];

export interface TimelineGrid {
  /** Row labels, the engine's loop first where it was ever blocked. */
  readonly labels: readonly string[];
  /** A row of `width` cells per label. */
  readonly cells: readonly Cell[][];
  readonly wallMs: number;
  /** Milliseconds one cell spans. */
  readonly cellMs: number;
}

/** A loop tick this late marks the loop as blocked (as in the HTML report). */
const BLOCKED_MS = 250;

export function timelineGrid(run: RunRecord, width: number, maxRows: number): TimelineGrid {
  const t = run.timeline;
  if (!t) throw new Error('timelineGrid needs a run with a timeline. This is a bug in concur.');
  const wallMs = Math.max(run.wallMs, 1e-3);
  const cells = Math.max(1, width);
  const cellMs = wallMs / cells;
  const at = (ms: number) => Math.min(cells - 1, Math.max(0, Math.floor(ms / cellMs)));
  const blocked = t.loop.atMs.flatMap((end, i) => {
    const delay = t.loop.delayMs[i] ?? 0;
    return delay >= BLOCKED_MS ? [[end - delay, end] as const] : [];
  });
  const loopRow = blocked.length > 0 ? 1 : 0;
  const units = run.units.length;
  const rows = Math.max(1, Math.min(units, maxRows - loopRow));
  const rowOf = (unit: number) => Math.floor((unit * rows) / Math.max(units, 1));
  const labels = [
    ...(loopRow ? ['engine loop'] : []),
    ...Array.from({ length: rows }, (_, row) => {
      const first = Math.ceil((row * units) / rows);
      const last = Math.ceil(((row + 1) * units) / rows) - 1;
      return first === last ? `unit ${first}` : `units ${first}–${last}`;
    }),
  ];
  const grid: Cell[][] = labels.map(() => new Array<Cell>(cells).fill(CELL.idle));
  const paint = (row: number, from: number, to: number, cell: Cell) => {
    const line = grid[row];
    if (!line) return;
    for (let c = at(from); c <= at(Math.max(from, to - 1e-9)); c += 1)
      if ((line[c] ?? 0) < cell) line[c] = cell;
  };
  for (const [from, to] of blocked) paint(0, from, to, CELL.blocked);
  run.units.forEach((_, unit) => {
    const spawn = t.unitSpawnMs[unit] ?? Number.NaN;
    const ready = t.unitReadyMs[unit] ?? Number.NaN;
    if (Number.isFinite(spawn) && Number.isFinite(ready))
      paint(loopRow + rowOf(unit), spawn, ready, CELL.startup);
  });
  // Items on one unit alternate two glyphs, so that items one after another read as several.
  const parity = new Array<number>(units).fill(0);
  const order = t.itemStartMs
    .map((_, i) => i)
    .sort((a, b) => (t.itemStartMs[a] ?? 0) - (t.itemStartMs[b] ?? 0));
  for (const i of order) {
    const unit = t.itemUnit[i] ?? -1;
    const start = t.itemStartMs[i] ?? Number.NaN;
    const end = t.itemEndMs[i] ?? Number.NaN;
    if (unit < 0 || !Number.isFinite(start) || !Number.isFinite(end)) continue;
    const row = loopRow + rowOf(unit);
    if (ITEM_OUTCOMES[t.itemOutcome[i] ?? -1] !== 'ok') {
      paint(row, start, end, CELL.failed);
      continue;
    }
    const service = run.serviceMs[i] ?? Number.NaN;
    const runEnd = Number.isFinite(service) ? Math.min(end, start + service) : end;
    paint(row, start, end, CELL.waiting);
    paint(row, start, runEnd, (parity[unit] ?? 0) % 2 === 0 ? CELL.runA : CELL.runB);
    parity[unit] = (parity[unit] ?? 0) + 1;
  }
  return { labels, cells: grid, wallMs, cellMs };
}
