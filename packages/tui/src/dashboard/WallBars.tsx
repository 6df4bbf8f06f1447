import { BASELINE_NAME, type StrategySummary } from '@concur/core';
import { formatDuration } from '@concur/core/orchestrate';
import { Box, Text } from 'ink';
import { ProgressBar } from './ProgressBar.js';
import { strategyColour } from './palette.js';

/** Median wall time per row as bars on one scale: shorter is faster. */
export function WallBars({
  summary,
  order,
  width,
}: {
  readonly summary: readonly StrategySummary[];
  readonly order: readonly string[];
  readonly width: number;
}) {
  const sweep =
    new Set(summary.filter((s) => s.strategy !== BASELINE_NAME).map((s) => s.concurrency)).size > 1;
  // A row cut short says so here too: its bar measures when it was stopped, not the work.
  const labels = summary.map(
    (s) =>
      `${sweep && s.strategy !== BASELINE_NAME ? `${s.strategy} ×${s.concurrency}` : s.strategy}${s.partial ? ' (partial)' : ''}`,
  );
  const labelWidth = Math.max(8, ...labels.map((l) => l.length));
  const longest = Math.max(0, ...summary.map((s) => (Number.isFinite(s.wall.median) ? s.wall.median : 0)));
  const barWidth = Math.max(10, Math.min(50, width - labelWidth - 14));
  return (
    <Box flexDirection="column">
      {summary.map((row, index) => (
        <Text key={`${row.strategy}-${row.concurrency}`} wrap="truncate">
          <Text color={strategyColour(row.strategy, order)}>{(labels[index] ?? '').padEnd(labelWidth)}</Text>{' '}
          <ProgressBar
            fraction={longest > 0 && Number.isFinite(row.wall.median) ? row.wall.median / longest : 0}
            width={barWidth}
            color={strategyColour(row.strategy, order)}
          />{' '}
          {formatDuration(row.wall.median)}
        </Text>
      ))}
    </Box>
  );
}
