/**
 * The report's runs as CSV, one row per run (warmups included and marked) with its raw figures, for a
 * spreadsheet or a plotting script. Per-item figures are condensed to percentiles; the JSON keeps them whole.
 * RFC 4180: CRLF line ends, fields quoted where they hold a comma, a quote or a line break.
 */
import type { RunRecord } from '../engine/run-record.js';
import { median, quantileOfSorted, sorted } from '../stats/descriptive.js';
import type { Report } from './types.js';

const COLUMNS: readonly [string, (run: RunRecord) => string | number | boolean | undefined][] = [
  ['strategy', (r) => r.strategy],
  ['concurrency', (r) => r.concurrency],
  ['run', (r) => r.run],
  ['warmup', (r) => r.warmup],
  ['wall_ms', (r) => r.wallMs],
  ['startup_ms', (r) => r.startupMs],
  ['cpu_user_ms', (r) => r.cpu.userMs],
  ['cpu_system_ms', (r) => r.cpu.systemMs],
  ['peak_rss_bytes', (r) => r.peakRssBytes],
  ['items_total', (r) => r.items.total],
  ['items_done', (r) => r.items.done],
  ['items_failed', (r) => r.items.failed],
  ['latency_p50_ms', (r) => quantileOfSorted(sorted(r.latencyMs), 0.5)],
  ['latency_p95_ms', (r) => quantileOfSorted(sorted(r.latencyMs), 0.95)],
  ['latency_p99_ms', (r) => quantileOfSorted(sorted(r.latencyMs), 0.99)],
  ['service_p50_ms', (r) => median(r.serviceMs)],
  ['replacements', (r) => r.replacements],
  ['loop_delay_p99_ms', (r) => r.loopDelay.p99Ms],
  ['cancelled', (r) => r.cancelled],
  ['aborted', (r) => r.aborted],
  ['failures', (r) => r.failures.map((f) => `item ${f.index} ${f.kind}: ${f.message}`).join('; ')],
];

export function reportToCsv(report: Report): string {
  const lines = [
    COLUMNS.map(([name]) => name),
    ...report.runs.map((run) => COLUMNS.map(([, cell]) => csvField(cell(run)))),
  ];
  return lines.map((fields) => `${fields.join(',')}\r\n`).join('');
}

/** An unknown number (NaN) or an absent value is an empty field. */
function csvField(value: string | number | boolean | undefined): string {
  if (value === undefined || (typeof value === 'number' && !Number.isFinite(value))) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
