import { BASELINE_NAME, type StrategySummary } from '@concur/core';
import { Box, Text } from 'ink';
import { strategyColour } from './palette.js';

const HEIGHT = 6;
const BAR = 2;
const BLOCKS = [' ', '▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

interface Point {
  readonly strategy: string;
  readonly level: number;
  readonly value: number;
}

/** Speedup (or, without a baseline, throughput) per strategy and concurrency level. */
export function sweepPoints(summary: readonly StrategySummary[]): { points: Point[]; metric: string } {
  const rows = summary.filter((s) => s.strategy !== BASELINE_NAME);
  const withSpeedup = rows.some((s) => s.speedup !== null);
  const points = rows
    .map((s) => ({
      strategy: s.strategy,
      level: s.concurrency,
      value: withSpeedup ? (s.speedup?.value ?? Number.NaN) : s.throughput,
    }))
    .filter((p) => Number.isFinite(p.value));
  return { points, metric: withSpeedup ? 'speedup ×' : 'items/s' };
}

/** The block character for a bar of `eighths` (of the whole chart height) at chart row `row` from the top. */
function block(eighths: number, row: number): string {
  const fromBottom = HEIGHT - 1 - row;
  return BLOCKS[Math.max(0, Math.min(8, eighths - fromBottom * 8))] ?? ' ';
}

/** Grouped bars: one group per concurrency level, one bar per strategy, up to the metric's value. */
export function SweepChart({
  summary,
  order,
}: {
  readonly summary: readonly StrategySummary[];
  readonly order: readonly string[];
}) {
  const { points, metric } = sweepPoints(summary);
  const levels = [...new Set(points.map((p) => p.level))].sort((a, b) => a - b);
  const strategies = [...new Set(points.map((p) => p.strategy))];
  if (levels.length < 2) return null;
  const top = Math.max(...points.map((p) => p.value)) || 1;
  const eighthsOf = (level: number, strategy: string) => {
    const point = points.find((p) => p.level === level && p.strategy === strategy);
    return point ? Math.max(1, Math.round((point.value / top) * HEIGHT * 8)) : 0;
  };
  const groupWidth = strategies.length * (BAR + 1) + 2;
  const label = (row: number) => {
    if (row === 0) return top.toFixed(top >= 10 ? 0 : 1);
    if (row === Math.floor(HEIGHT / 2)) return ((top * (HEIGHT - row)) / HEIGHT).toFixed(top >= 10 ? 0 : 1);
    return '';
  };
  return (
    <Box flexDirection="column">
      <Text color="gray">{`${metric} against concurrency (units)`}</Text>
      {Array.from({ length: HEIGHT }, (_, row) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the chart's rows are fixed positions
        <Text key={row}>
          <Text color="gray">{`${label(row).padStart(6)} ┤ `}</Text>
          {levels.map((level) => (
            <Text key={level}>
              {strategies.map((strategy) => (
                <Text key={strategy} color={strategyColour(strategy, order)}>
                  {`${block(eighthsOf(level, strategy), row).repeat(BAR)} `}
                </Text>
              ))}
              {'  '}
            </Text>
          ))}
        </Text>
      ))}
      <Text color="gray">{`${' '.repeat(7)}└${'─'.repeat(groupWidth * levels.length)}`}</Text>
      <Text color="gray">{`${' '.repeat(9)}${levels.map((l) => String(l).padEnd(groupWidth)).join('')}`}</Text>
      <Text>
        {strategies.map((s) => (
          <Text key={s} color={strategyColour(s, order)}>{`  ${'█'.repeat(BAR)} ${s}`}</Text>
        ))}
      </Text>
    </Box>
  );
}
