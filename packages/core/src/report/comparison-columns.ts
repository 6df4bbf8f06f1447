/**
 * The comparison table's columns, defined once for every view of it — the Markdown report, the command
 * line's plain table and the dashboard: each column's heading, what it shows and how its cells read.
 */

import { shownCpu } from './cpu-figure.js';
import { formatBytes, formatDuration, formatPercent, formatRatio, UNKNOWN } from './format.js';
import type { StrategySummary } from './types.js';

export interface ComparisonColumn {
  /** For a view to single a column out (to colour the failures, say). */
  readonly id:
    | 'strategy'
    | 'concurrency'
    | 'wall'
    | 'speedup'
    | 'efficiency'
    | 'cpu'
    | 'memory'
    | 'latency'
    | 'failures';
  readonly title: string;
  /** The heading where width is scarce (the dashboard). */
  readonly short: string;
  /** Names read from the left; figures line up on the right. */
  readonly align: 'left' | 'right';
  /** How the figure is made, for a footnote; absent where the heading says it all. */
  readonly note?: string;
  cell(row: StrategySummary): string;
}

export const COMPARISON_COLUMNS: readonly ComparisonColumn[] = [
  {
    id: 'strategy',
    title: 'strategy',
    short: 'strategy',
    align: 'left',
    // A row whose every run was cut short says so where it is read.
    cell: (row) =>
      row.partial ? `${row.strategy} (partial)` : row.estimate ? `${row.strategy} (estimated)` : row.strategy,
  },
  {
    id: 'concurrency',
    title: 'concurrency',
    short: 'units',
    align: 'right',
    cell: (row) => String(row.concurrency),
  },
  {
    id: 'wall',
    title: 'wall (median ± σ)',
    short: 'wall median ± σ',
    align: 'right',
    cell: (row) =>
      row.wall.sd === null
        ? formatDuration(row.wall.median)
        : `${formatDuration(row.wall.median)} ± ${formatDuration(row.wall.sd)}`,
  },
  {
    id: 'speedup',
    title: 'speedup',
    short: 'speedup',
    align: 'right',
    note: 'Speedup: baseline mean wall time / this mean wall time (± propagated σ).',
    cell: (row) => (row.speedup ? formatRatio(row.speedup.value, row.speedup.uncertainty) : UNKNOWN),
  },
  {
    id: 'efficiency',
    title: 'efficiency',
    short: 'efficiency',
    align: 'right',
    note:
      'Efficiency: speedup / min(concurrency, items, cores), the most speedup the cores could give; above ' +
      '100% the work was not bound by the cores.',
    cell: (row) => formatPercent(row.efficiency),
  },
  {
    id: 'cpu',
    title: 'CPU',
    short: 'CPU',
    align: 'right',
    note:
      'CPU: (user + system CPU time) / wall time of the threads that ran the work (the engine loop and each ' +
      "unit's own thread, without the runtime's compiler and GC threads; where a platform cannot tell them " +
      "apart, the processes' whole time); 100% is one core busy; a ? marks a figure above the cores those " +
      'threads could use, a measuring artefact.',
    cell: (row) => {
      const shown = shownCpu(row);
      return `${formatPercent(shown.value)}${shown.beyondCeiling ? '?' : ''}`;
    },
  },
  {
    id: 'memory',
    title: 'peak memory',
    short: 'peak mem',
    align: 'right',
    cell: (row) => formatBytes(row.peakRssBytes),
  },
  {
    id: 'latency',
    title: 'p95 latency',
    short: 'p95 item',
    align: 'right',
    cell: (row) => formatDuration(row.latencyMs.p95),
  },
  {
    id: 'failures',
    title: 'failures',
    short: 'failed',
    align: 'right',
    cell: (row) => String(row.failures),
  },
];
