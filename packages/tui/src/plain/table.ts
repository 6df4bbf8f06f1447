/**
 * The comparison as plain text: a table with a row per strategy and concurrency, warnings, the verdict
 * lines and the recommendation. What `concur run` prints to stdout when no one watches a dashboard.
 */
import type { Report, StrategySummary } from '@concur/core';
import {
  COMPARISON_COLUMNS,
  failureGroupText,
  failureReasons,
  otherFailuresText,
  rowNotes,
  scalingLines,
} from '@concur/core/orchestrate';
import type { Paint } from '../cli/colour.js';
import { textTable } from './text-table.js';

export function comparisonText(report: Report, paint: Paint): string {
  const { workload, machine, settings } = report;
  const lines = [
    paint('bold', `${workload.name}: ${workload.items} item${workload.items === 1 ? '' : 's'}`) +
      paint(
        'dim',
        ` · ${settings.runs} run${settings.runs === 1 ? '' : 's'}` +
          (settings.warmup > 0 ? ` + ${settings.warmup} warmup` : '') +
          ` · ${machine.cpus} CPU${machine.cpus === 1 ? '' : 's'}, Node ${machine.node}`,
      ),
    '',
  ];
  if (report.cancelled)
    lines.push(paint('yellow', 'Cancelled before it finished: these figures cover what was measured.'), '');
  if (report.summary.length === 0) lines.push('No run finished, so there is nothing to compare.');
  else
    lines.push(
      ...textTable(
        COMPARISON_COLUMNS.map((column) => column.title),
        report.summary.map((row) => cells(row, paint)),
        COMPARISON_COLUMNS.map((column) => column.align),
      ),
    );
  const notes = report.summary.flatMap((row) => warnings(row));
  if (notes.length > 0) lines.push('', ...notes.map((note) => paint('yellow', `⚠ ${note}`)));
  lines.push(...failureLines(report, paint));
  if (report.verdict.length > 0)
    lines.push('', ...report.verdict.map((v) => (v.significant ? paint('green', v.text) : v.text)));
  const scaling = scalingLines(report.scaling ?? [], machine.cpus);
  if (scaling.length > 0) lines.push('', paint('bold', scaling[0] ?? ''), ...scaling.slice(1));
  if (report.recommendation) lines.push('', paint('bold', report.recommendation));
  return `${lines.join('\n')}\n`;
}

/** Why items failed, per strategy: a few grouped reasons with counts, the rest summed up in one line. */
function failureLines(report: Report, paint: Paint): string[] {
  const reasons = failureReasons(report.runs);
  if (reasons.length === 0) return [];
  const lines = ['', paint('bold', 'Failures')];
  for (const row of reasons) {
    lines.push(`  ${row.strategy} ×${row.concurrency}`);
    for (const group of row.groups) lines.push(paint('red', `    ${failureGroupText(group)}`));
    const other = otherFailuresText(row);
    if (other) lines.push(paint('dim', `    ${other}`));
  }
  return lines;
}

function cells(row: StrategySummary, paint: Paint): string[] {
  return COMPARISON_COLUMNS.map((column) => {
    const cell = column.cell(row);
    return column.id === 'failures' && row.failures > 0 ? paint('red', cell) : cell;
  });
}

function warnings(row: StrategySummary): string[] {
  const name = `${row.strategy} ×${row.concurrency}`;
  const found: string[] = [];
  if (row.outlierRuns.length > 0)
    found.push(`${name}: run ${row.outlierRuns.join(', ')} stands out from the others (an outlier)`);
  for (const note of rowNotes(row)) found.push(`${name}: ${note}`);
  return found;
}
