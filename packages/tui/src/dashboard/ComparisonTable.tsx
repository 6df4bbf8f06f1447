import { BASELINE_NAME, type StrategySummary } from '@concur/core';
import { formatBytes, formatDuration, formatPercent, formatRatio } from '@concur/core/orchestrate';
import { Box, Text } from 'ink';
import { strategyColour } from './palette.js';

const HEADERS = [
  'strategy',
  'units',
  'wall median ± σ',
  'speedup',
  'efficiency',
  'CPU',
  'peak mem',
  'p95 item',
  'failed',
];

/** One summary row as the table's cells, in HEADERS order. */
export function summaryCells(row: StrategySummary): string[] {
  const wall =
    row.wall.sd === null
      ? formatDuration(row.wall.median)
      : `${formatDuration(row.wall.median)} ± ${formatDuration(row.wall.sd)}`;
  return [
    row.partial ? `${row.strategy} (partial)` : row.strategy,
    String(row.concurrency),
    wall,
    row.speedup ? `${formatRatio(row.speedup.value, row.speedup.uncertainty)}×` : '–',
    formatPercent(row.efficiency),
    formatPercent(row.cpuUtilisation),
    formatBytes(row.peakRssBytes),
    formatDuration(row.latencyMs.p95),
    String(row.failures),
  ];
}

/** The comparison: one aligned row per strategy (and concurrency), the fastest starred and in bold. */
export function ComparisonTable({
  summary,
  order,
}: {
  readonly summary: readonly StrategySummary[];
  readonly order: readonly string[];
}) {
  const cells = summary.map(summaryCells);
  const widths = HEADERS.map((header, column) =>
    Math.max(header.length, ...cells.map((row) => (row[column] ?? '').length)),
  );
  // A row whose every run was cut short is no candidate: its wall time says when it was stopped.
  const finite = summary.filter(
    (s) => s.strategy !== BASELINE_NAME && !s.partial && Number.isFinite(s.wall.median),
  );
  const fastest = finite.length > 0 ? Math.min(...finite.map((s) => s.wall.median)) : Number.NaN;
  // Numbers line up on the right, names on the left.
  const pad = (text: string, column: number) =>
    column === 0 ? text.padEnd(widths[column] ?? 0) : text.padStart(widths[column] ?? 0);
  return (
    <Box flexDirection="column">
      <Text color="gray" bold wrap="truncate">
        {`  ${HEADERS.map(pad).join('  ')}`}
      </Text>
      {summary.map((row, index) => {
        const rowCells = cells[index] ?? [];
        const best = row.wall.median === fastest;
        return (
          <Text key={`${row.strategy}-${row.concurrency}`} wrap="truncate" bold={best}>
            <Text color="green">{best ? '★ ' : '  '}</Text>
            <Text color={strategyColour(row.strategy, order)}>{pad(rowCells[0] ?? '', 0)}</Text>
            {`  ${rowCells
              .slice(1, -1)
              .map((cell, column) => pad(cell, column + 1))
              .join('  ')}  `}
            <Text color={row.failures > 0 ? 'red' : undefined}>
              {pad(rowCells.at(-1) ?? '', HEADERS.length - 1)}
            </Text>
          </Text>
        );
      })}
    </Box>
  );
}
