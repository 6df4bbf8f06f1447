import { formatDuration, type ReportDiff } from '@concur/core/orchestrate';
import { Box, Text } from 'ink';
import { ProgressBar } from './ProgressBar.js';
import { fit, strategyColour } from './palette.js';

/** Columns a median takes beside its bar: "1.23 s", "456 ms", "2 min 5 s". */
const TIME_WIDTH = 9;

/**
 * `concur run --against FILE` on the results screen: per row the saved median and this run's side by side,
 * as bars on one scale (shorter is faster), then a line per row with its ratio and uncertainty, the rows
 * that could not be compared and why, and what the intervals leave out.
 */
export function BeforeAfter({
  diff,
  order,
  width,
}: {
  readonly diff: ReportDiff;
  readonly order: readonly string[];
  readonly width: number;
}) {
  const labels = diff.rows.map((row) => `${row.strategy} ×${row.concurrency}`);
  const labelWidth = Math.max(8, ...labels.map((label) => label.length));
  const longest = Math.max(0, ...diff.rows.flatMap((row) => [row.before.median, row.after.median]));
  const barWidth = Math.max(6, Math.min(30, Math.floor((width - labelWidth - 2 * (TIME_WIDTH + 2)) / 2)));
  const column = barWidth + 1 + TIME_WIDTH;
  return (
    <Box flexDirection="column">
      <Box marginTop={1}>
        <Text bold underline wrap="truncate">
          {`Before and after: ${diff.before.label} → ${diff.after.label}`}
        </Text>
      </Box>
      {diff.warnings.map((warning) => (
        <Text key={warning.text} color="yellow">{`⚠ ${warning.text}`}</Text>
      ))}
      {diff.rows.length > 0 ? (
        <Text color="gray" wrap="truncate">
          {`${''.padEnd(labelWidth)} ${fit(`before: ${diff.before.label}`, column)}  ${fit(`after: ${diff.after.label}`, column)}`}
        </Text>
      ) : null}
      {diff.rows.map((row, index) => (
        <Text key={`${row.strategy}-${row.concurrency}`} wrap="truncate">
          <Text color={strategyColour(row.strategy, order)}>{(labels[index] ?? '').padEnd(labelWidth)}</Text>{' '}
          <ProgressBar
            fraction={longest > 0 ? row.before.median / longest : 0}
            width={barWidth}
            color="gray"
          />{' '}
          {formatDuration(row.before.median).padEnd(TIME_WIDTH)}
          {'  '}
          <ProgressBar
            fraction={longest > 0 ? row.after.median / longest : 0}
            width={barWidth}
            color={strategyColour(row.strategy, order)}
          />{' '}
          {formatDuration(row.after.median)}
        </Text>
      ))}
      {diff.rows.map((row) => (
        <Text key={`text-${row.strategy}-${row.concurrency}`} color={row.significant ? undefined : 'gray'}>
          <Text color={row.change === 'faster' ? 'green' : row.change === 'slower' ? 'red' : 'gray'}>
            {row.change === 'faster' ? '▲ ' : row.change === 'slower' ? '▼ ' : '≈ '}
          </Text>
          {row.text}
        </Text>
      ))}
      {diff.unmatched.map((row) => (
        <Text key={`unmatched-${row.text}`} color="yellow">{`✗ ${row.text}`}</Text>
      ))}
      <Text bold>{diff.summary.charAt(0).toUpperCase() + diff.summary.slice(1)}</Text>
      <Text color="gray">{diff.note}</Text>
    </Box>
  );
}
