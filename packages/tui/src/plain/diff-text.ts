/**
 * A diff as plain text: what `concur diff` prints, and what `concur run --against` prints after the
 * comparison. Warnings first, a table of the rows both reports measured, a line per row with its ratio and
 * uncertainty, the rows not compared and why, the summary, and what the intervals leave out.
 */
import type { WallSummary } from '@concur/core';
import { formatDuration, formatRatio, type ReportDiff } from '@concur/core/orchestrate';
import type { Paint } from '../cli/colour.js';
import { textTable } from './text-table.js';

const HEADER = [
  'strategy',
  'concurrency',
  'before (median ± σ)',
  'after (median ± σ)',
  'before ÷ after',
  'change',
];

export function diffText(diff: ReportDiff, paint: Paint): string {
  const { before, after } = diff;
  const lines = [
    paint('bold', `Before and after: ${before.label} → ${after.label}`) +
      paint('dim', ` · ${after.workload} · ${before.runs} → ${after.runs} runs per row`),
  ];
  if (diff.warnings.length > 0) lines.push(...diff.warnings.map((w) => paint('yellow', `⚠ ${w.text}`)));
  lines.push('');
  if (diff.rows.length > 0) {
    const rows = diff.rows.map((row) => [
      row.strategy,
      String(row.concurrency),
      wall(row.before),
      wall(row.after),
      `${formatRatio(row.speedup.value, row.speedup.uncertainty)}×`,
      row.change === 'faster'
        ? paint('green', 'faster')
        : row.change === 'slower'
          ? paint('red', 'slower')
          : 'within the noise',
    ]);
    lines.push(...textTable(HEADER, rows), '');
    for (const row of diff.rows)
      lines.push(
        row.change === 'faster'
          ? paint('green', row.text)
          : row.change === 'slower'
            ? paint('red', row.text)
            : row.text,
      );
  }
  if (diff.unmatched.length > 0) {
    if (diff.rows.length > 0) lines.push('');
    lines.push(...diff.unmatched.map((row) => paint('yellow', `✗ ${row.text}`)));
  }
  lines.push('', paint('bold', capitalised(diff.summary)), paint('dim', diff.note));
  return `${lines.join('\n')}\n`;
}

function wall(summary: WallSummary): string {
  return summary.sd === null
    ? formatDuration(summary.median)
    : `${formatDuration(summary.median)} ± ${formatDuration(summary.sd)}`;
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
