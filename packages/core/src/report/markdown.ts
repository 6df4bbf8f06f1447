/** The report as Markdown: what a person pastes into an issue or a pull request. */
import { COMPARISON_COLUMNS } from './comparison-columns.js';
import { failureGroupText, failureReasons, otherFailuresText } from './failure-groups.js';
import { formatBytes, formatDuration } from './format.js';
import { rowNotes } from './row-notes.js';
import { fractionText, predictionText, scalingHeading } from './scaling-text.js';
import type { Report, StrategySummary, StrategyTraits } from './types.js';

export function reportToMarkdown(report: Report): string {
  const sections = [
    header(report),
    comparison(report.summary),
    verdict(report),
    failures(report),
    scaling(report),
    report.recommendation ? `## Recommendation\n\n${report.recommendation}` : '',
    traitsTable(report.traits),
  ];
  return `${sections.filter(Boolean).join('\n\n')}\n`;
}

function header(report: Report): string {
  const { machine, workload, settings } = report;
  const params = Object.entries(workload.params)
    .map(([name, value]) => `\`${name}=${String(value)}\``)
    .join(', ');
  const lines = [
    `# concur: ${workload.name}`,
    '',
    workload.description,
    '',
    `- **Machine:** ${machine.cpus} × ${machine.cpuModel}, ${formatBytes(machine.totalMemoryBytes)} RAM, ` +
      `Node ${machine.node} (V8 ${machine.v8}), ${machine.platform} ${machine.release} ${machine.arch}`,
    `- **Workload:** \`${workload.name}\` (${workload.kind}), ${workload.items} items` +
      (params ? `; params ${params}` : ''),
    `- **Settings:** ${settings.runs} run${settings.runs === 1 ? '' : 's'} + ${settings.warmup} warmup, ` +
      `concurrency ${settings.concurrency.join(', ')}, ` +
      (settings.timeoutMs === null
        ? 'no item timeout'
        : `item timeout ${formatDuration(settings.timeoutMs)}`),
    `- **Date:** ${report.createdAt}`,
  ];
  for (const service of report.services ?? [])
    lines.push(
      `- **Service ${service.name}:** CPU ${formatDuration(service.cpuUserMs + service.cpuSystemMs)}` +
        (service.peakRssBytes === undefined ? '' : `, peak memory ${formatBytes(service.peakRssBytes)}`),
    );
  if (report.cancelled)
    lines.push('', '**Cancelled before it finished: these figures cover what was measured.**');
  return lines.join('\n');
}

function comparison(summary: readonly StrategySummary[]): string {
  const rows = summary.map((row) => COMPARISON_COLUMNS.map((column) => column.cell(row)));
  const notes = summary.flatMap((row) => {
    const name = `${row.strategy} (concurrency ${row.concurrency})`;
    const found: string[] = [];
    if (row.outlierRuns.length > 0)
      found.push(`- ⚠ ${name}: run ${row.outlierRuns.join(', ')} stands out (modified z-score above 3.5)`);
    for (const note of rowNotes(row)) found.push(`- ⚠ ${name}: ${note}`);
    return found;
  });
  const table = markdownTable(
    COMPARISON_COLUMNS.map((column) => column.title),
    rows,
    COMPARISON_COLUMNS.flatMap((column, index) => (column.align === 'right' ? [index] : [])),
  );
  const footnote = COMPARISON_COLUMNS.flatMap((column) => (column.note ? [column.note] : [])).join(' ');
  return ['## Comparison', table, footnote, ...(notes.length ? [notes.join('\n')] : [])].join('\n\n');
}

function scaling(report: Report): string {
  const fits = report.scaling ?? [];
  if (fits.length === 0) return '';
  const lines = fits.flatMap((fit) => [
    `- **${fit.strategy}**: ${fractionText(fit)}${fit.fraction === null ? '' : `; ${predictionText(fit)}`}`,
    ...fit.departures.map((d) => `  - ${d}`),
  ]);
  return `## Scaling\n\n${scalingHeading(fits, report.machine.cpus)}.\n\n${lines.join('\n')}`;
}

function verdict(report: Report): string {
  if (report.verdict.length === 0) return '';
  return `## Verdict\n\n${report.verdict.map((line) => `- ${line.text}`).join('\n')}`;
}

/** Why items failed, grouped by kind and message per strategy, capped. */
function failures(report: Report): string {
  const reasons = failureReasons(report.runs);
  if (reasons.length === 0) return '';
  const blocks = reasons.map((row) => {
    const other = otherFailuresText(row);
    return [
      `**${row.strategy}** (concurrency ${row.concurrency})`,
      '',
      ...row.groups.map((group) => `- ${escapeInline(failureGroupText(group))}`),
      ...(other ? [`- ${other}`] : []),
    ].join('\n');
  });
  return `## Failures\n\n${blocks.join('\n\n')}`;
}

/** A message is the task's text: backticks, asterisks and angle brackets would become markup. */
function escapeInline(text: string): string {
  return text.replace(/[\\`*_<>[\]]/g, (c) => `\\${c}`);
}

/** The article's comparison rows, one column per strategy. */
function traitsTable(strategies: readonly StrategyTraits[]): string {
  if (strategies.length === 0) return '';
  const row = (label: string, cell: (s: StrategyTraits) => string) => [label, ...strategies.map(cell)];
  const rows = [
    row('Basic unit', (s) => s.traits.unit),
    row('Memory space', (s) => s.traits.memory),
    row('Parallel on cores', (s) => (s.traits.parallel ? 'Yes' : 'No')),
    row('Parallelism/Concurrency', (s) => s.traits.execution),
    row('Best for', (s) => s.traits.bestFor),
    row('Pros', (s) => s.traits.pros.join('; ')),
    row('Cons', (s) => s.traits.cons.join('; ')),
  ];
  return `## Traits\n\n${markdownTable(['', ...strategies.map((s) => s.name)], rows, [])}`;
}

function markdownTable(
  head: readonly string[],
  rows: readonly string[][],
  rightAligned: readonly number[],
): string {
  const line = (cells: readonly string[]) => `| ${cells.map(escapeCell).join(' | ')} |`;
  const rule = head.map((_, index) => (rightAligned.includes(index) ? '---:' : '---'));
  return [line(head), `| ${rule.join(' | ')} |`, ...rows.map(line)].join('\n');
}

/** A pipe would end the cell and a newline the row. */
function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
