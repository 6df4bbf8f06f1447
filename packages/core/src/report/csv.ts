/**
 * The report's runs as CSV, one row per run (warmups included and marked) with its raw figures, for a
 * spreadsheet or a plotting script. Per-item figures are condensed to percentiles; the JSON keeps them whole.
 * RFC 4180: CRLF line ends, fields quoted where they hold a comma, a quote or a line break.
 */
import type { RunRecord } from '../engine/run-record.js';
import { median, quantileOfSorted, sorted } from '../stats/descriptive.js';
import type { Report } from './types.js';

/** A run with its item latencies sorted once, for the percentile columns. */
interface Row {
  readonly run: RunRecord;
  readonly latencies: Float64Array;
}

const COLUMNS: readonly [string, (row: Row) => string | number | boolean | undefined][] = [
  ['strategy', ({ run: r }) => r.strategy],
  ['concurrency', ({ run: r }) => r.concurrency],
  ['run', ({ run: r }) => r.run],
  ['warmup', ({ run: r }) => r.warmup],
  ['wall_ms', ({ run: r }) => r.wallMs],
  ['startup_ms', ({ run: r }) => r.startupMs],
  ['cpu_user_ms', ({ run: r }) => r.cpu.userMs],
  ['cpu_system_ms', ({ run: r }) => r.cpu.systemMs],
  ['peak_rss_bytes', ({ run: r }) => r.peakRssBytes],
  ['items_total', ({ run: r }) => r.items.total],
  ['items_done', ({ run: r }) => r.items.done],
  ['items_failed', ({ run: r }) => r.items.failed],
  ['latency_p50_ms', (row) => quantileOfSorted(row.latencies, 0.5)],
  ['latency_p95_ms', (row) => quantileOfSorted(row.latencies, 0.95)],
  ['latency_p99_ms', (row) => quantileOfSorted(row.latencies, 0.99)],
  ['service_p50_ms', ({ run: r }) => median(r.serviceMs)],
  ['replacements', ({ run: r }) => r.replacements],
  ['loop_delay_p99_ms', ({ run: r }) => r.loopDelay.p99Ms],
  ['cancelled', ({ run: r }) => r.cancelled],
  ['aborted', ({ run: r }) => r.aborted],
  ['failures', ({ run: r }) => r.failures.map((f) => `item ${f.index} ${f.kind}: ${f.message}`).join('; ')],
];

export function reportToCsv(report: Report): string {
  const lines = [
    COLUMNS.map(([name]) => name),
    ...report.runs.map((run) => {
      const row = { run, latencies: sorted(run.latencyMs) };
      return COLUMNS.map(([, cell]) => csvField(cell(row)));
    }),
  ];
  return lines.map((fields) => `${fields.join(',')}\r\n`).join('');
}

/** An unknown number (NaN) or an absent value is an empty field. */
function csvField(value: string | number | boolean | undefined): string {
  if (value === undefined || (typeof value === 'number' && !Number.isFinite(value))) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
