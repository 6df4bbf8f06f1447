import { Box, Text } from 'ink';

const LEVELS = [' ', '▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
const CELL = 4;

/**
 * Two text rows of bars, one column per bucket, for `counts` scaled to the largest: 16 heights in all.
 * Returns [top, bottom]; an empty bucket is blank and a non-empty one shows at least a sliver.
 */
export function histogramRows(counts: readonly number[]): [string, string] {
  const peak = Math.max(0, ...counts);
  let top = '';
  let bottom = '';
  for (const count of counts) {
    const height = peak > 0 && count > 0 ? Math.max(1, Math.round((count / peak) * 16)) : 0;
    top += `${(LEVELS[Math.max(0, height - 8)] ?? ' ').repeat(CELL - 1)} `;
    bottom += `${(LEVELS[Math.min(8, height)] ?? ' ').repeat(CELL - 1)} `;
  }
  return [top, bottom];
}

/** The aggregate of every unit when they do not all fit: how far along their items are. */
export function Histogram({
  counts,
  inFlight,
  unitCount,
  shown,
  color = 'green',
}: {
  readonly counts: readonly number[];
  readonly inFlight: number;
  readonly unitCount: number;
  readonly shown: number;
  readonly color?: string;
}) {
  const [top, bottom] = histogramRows(counts);
  // "50%" starts under the sixth bucket, "100%" ends under the last bar.
  const axis = `0%${' '.repeat(CELL * 5 - 2)}50%${' '.repeat(CELL * 5 - 8)}100%`;
  return (
    <Box flexDirection="column">
      <Text color="gray" wrap="truncate">
        {shown > 0
          ? `showing the ${shown} busiest of ${unitCount.toLocaleString('en-US')} units · `
          : `${unitCount.toLocaleString('en-US')} units · `}
        <Text color="white">{inFlight.toLocaleString('en-US')}</Text>
        {' items in flight by progress:'}
      </Text>
      <Text color={color}>{`  ${top}`}</Text>
      <Text color={color}>{`  ${bottom}`}</Text>
      <Text color="gray">{`  ${axis}   peak ${Math.max(0, ...counts).toLocaleString('en-US')} per bucket`}</Text>
    </Box>
  );
}
