import { BASELINE_NAME, type StrategySummary } from '@concur/core';
import { COMPARISON_COLUMNS, type ComparisonColumn } from '@concur/core/orchestrate';
import { Box, Text } from 'ink';
import { strategyColour } from './palette.js';

/** The colour of one cell: the strategy's own for its name, red for failures. */
function cellColour(column: ComparisonColumn, row: StrategySummary, order: readonly string[]) {
  if (column.id === 'strategy') return strategyColour(row.strategy, order);
  if (column.id === 'failures' && row.failures > 0) return 'red';
  return undefined;
}

/** The comparison: one aligned row per strategy (and concurrency), the fastest starred and in bold. */
export function ComparisonTable({
  summary,
  order,
}: {
  readonly summary: readonly StrategySummary[];
  readonly order: readonly string[];
}) {
  const cells = summary.map((row) => COMPARISON_COLUMNS.map((column) => column.cell(row)));
  const widths = COMPARISON_COLUMNS.map(({ short }, column) =>
    Math.max(short.length, ...cells.map((row) => (row[column] ?? '').length)),
  );
  // A row whose every run was cut short is no candidate: its wall time says when it was stopped.
  const finite = summary.filter(
    (s) => s.strategy !== BASELINE_NAME && !s.partial && Number.isFinite(s.wall.median),
  );
  const fastest = finite.length > 0 ? Math.min(...finite.map((s) => s.wall.median)) : Number.NaN;
  const pad = (text: string, column: number) =>
    COMPARISON_COLUMNS[column]?.align === 'left'
      ? text.padEnd(widths[column] ?? 0)
      : text.padStart(widths[column] ?? 0);
  return (
    <Box flexDirection="column">
      <Text color="gray" bold wrap="truncate">
        {`  ${COMPARISON_COLUMNS.map(({ short }, column) => pad(short, column)).join('  ')}`}
      </Text>
      {summary.map((row, index) => {
        const rowCells = cells[index] ?? [];
        const best = row.wall.median === fastest;
        return (
          <Text key={`${row.strategy}-${row.concurrency}`} wrap="truncate" bold={best}>
            <Text color="green">{best ? '★ ' : '  '}</Text>
            {COMPARISON_COLUMNS.map((column, at) => (
              <Text key={column.id} color={cellColour(column, row, order)}>
                {`${at === 0 ? '' : '  '}${pad(rowCells[at] ?? '', at)}`}
              </Text>
            ))}
          </Text>
        );
      })}
    </Box>
  );
}
