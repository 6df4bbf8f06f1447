/**
 * What a summary row's figures need said beside them, the same in every view (the plain table, Markdown,
 * the dashboard): a figure that cannot be taken as it stands, and why.
 */

import { BASELINE_NAME } from '../engine/run-record.js';
import { cpuCeilingWarning } from './cpu-figure.js';
import { formatDuration } from './format.js';
import { mostlyFailed } from './summarize.js';
import type { StrategySummary } from './types.js';
import { SHORT_RUN_ADVICE, tooShort } from './verdict.js';

/** The notes for one row, without its name (each view names rows its own way). */
export function rowNotes(row: StrategySummary): string[] {
  const notes: string[] = [];
  if (row.estimate) notes.push(estimateText(row.estimate));
  if (row.partial) notes.push('every run was cut short; its figures cover unfinished runs');
  else if (mostlyFailed(row.failedShare))
    notes.push(
      `${Math.round(row.failedShare * 100)} % of its items failed; no speedup, no part in the verdict`,
    );
  else if (tooShort(row) && row.strategy !== BASELINE_NAME)
    notes.push(`its runs took ${formatDuration(row.wall.median)}: ${SHORT_RUN_ADVICE}`);
  else if (row.efficiency !== null && row.efficiency > 1)
    notes.push(
      `efficiency ${Math.round(row.efficiency * 100)} %, above what its cores could give: its items spent ` +
        'their time waiting (I/O, timers), and overlapping the waits is what it gained',
    );
  const cpu = cpuCeilingWarning(row);
  if (cpu) notes.push(cpu);
  return notes;
}

/** "estimated from 300 of 10,000 items, ± 2 % (--baseline full measures every item)". */
export function estimateText(estimate: NonNullable<StrategySummary['estimate']>): string {
  const error = Number.isFinite(estimate.relativeError)
    ? `, ± ${formatPercentPlain(estimate.relativeError)}`
    : ', its error unknown';
  return `estimated from ${estimate.items.toLocaleString('en-US')} of ${estimate.of.toLocaleString('en-US')} items${error} (--baseline full measures every item)`;
}

function formatPercentPlain(fraction: number): string {
  const percent = fraction * 100;
  return `${percent < 10 ? percent.toFixed(1) : Math.round(percent)} %`;
}
