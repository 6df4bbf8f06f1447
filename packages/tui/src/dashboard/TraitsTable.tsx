import { BASELINE_NAME, type StrategyTraits, type Traits } from '@concur/core';
import { Box, Text } from 'ink';
import { strategyColour } from './palette.js';

/** The article's comparison rows, in its order: each cell one or more points (pros and cons are lists). */
export const TRAIT_ROWS: readonly {
  readonly label: string;
  readonly points: (t: Traits) => readonly string[];
  /** A list: each point on its own line, after a bullet. */
  readonly list?: boolean;
}[] = [
  { label: 'Basic unit', points: (t) => [t.unit] },
  { label: 'Memory space', points: (t) => [t.memory] },
  { label: 'Parallel on cores', points: (t) => [t.parallel ? 'Yes' : 'No'] },
  { label: 'Parallelism/Concurrency', points: (t) => [t.execution] },
  { label: 'Best for', points: (t) => [t.bestFor] },
  { label: 'Pros', points: (t) => t.pros, list: true },
  { label: 'Cons', points: (t) => t.cons, list: true },
];

const LABEL_WIDTH = 25;
/** Narrower columns than this read as a word per line: the table is stacked, a strategy after another. */
export const MIN_COLUMN_WIDTH = 24;

/**
 * One column per strategy that ran (the baseline has no traits worth a column), a point per line; where
 * the terminal is too narrow for the columns, one block per strategy instead.
 */
export function TraitsTable({
  traits,
  order,
  width,
}: {
  readonly traits: readonly StrategyTraits[];
  readonly order: readonly string[];
  readonly width: number;
}) {
  const columns = traits.filter((t) => t.name !== BASELINE_NAME);
  if (columns.length === 0) return null;
  const columnWidth = Math.floor((width - LABEL_WIDTH) / columns.length) - 1;
  if (columnWidth < MIN_COLUMN_WIDTH) return <StackedTraits traits={columns} order={order} width={width} />;
  return (
    <Box flexDirection="column">
      <Box>
        <Box width={LABEL_WIDTH} flexShrink={0} />
        {columns.map((t) => (
          <Box key={t.name} width={columnWidth} marginRight={1} flexShrink={0}>
            <Text bold color={strategyColour(t.name, order)} wrap="truncate">
              {t.name}
            </Text>
          </Box>
        ))}
      </Box>
      {TRAIT_ROWS.map((row) => (
        <Box key={row.label}>
          <Box width={LABEL_WIDTH} flexShrink={0}>
            <Text color="gray">{row.label}</Text>
          </Box>
          {columns.map((t) => (
            <Box key={t.name} width={columnWidth} marginRight={1} flexShrink={0} flexDirection="column">
              <Points points={row.points(t.traits)} list={row.list ?? false} />
            </Box>
          ))}
        </Box>
      ))}
    </Box>
  );
}

/** A strategy after another: its name, then each row's label and its points beside it. */
function StackedTraits({
  traits,
  order,
  width,
}: {
  readonly traits: readonly StrategyTraits[];
  readonly order: readonly string[];
  readonly width: number;
}) {
  // Indented two under the strategy's name, and a space before the points.
  const labelWidth = Math.min(LABEL_WIDTH + 3, Math.max(12, Math.floor(width / 2)));
  return (
    <Box flexDirection="column">
      {traits.map((t) => (
        <Box key={t.name} flexDirection="column" marginBottom={1}>
          <Text bold color={strategyColour(t.name, order)}>
            {t.name}
          </Text>
          {TRAIT_ROWS.map((row) => (
            <Box key={row.label}>
              <Box width={labelWidth} flexShrink={0}>
                <Text color="gray">{`  ${row.label}`}</Text>
              </Box>
              <Box flexDirection="column" width={Math.max(10, width - labelWidth)}>
                <Points points={row.points(t.traits)} list={row.list ?? false} />
              </Box>
            </Box>
          ))}
        </Box>
      ))}
    </Box>
  );
}

/** Each point on its own line; a list's after a bullet, its wrapped lines hanging under the text. */
function Points({ points, list }: { readonly points: readonly string[]; readonly list: boolean }) {
  if (points.length === 0) return <Text color="gray">–</Text>;
  return (
    <>
      {points.map((point) => (
        <Box key={point}>
          {list ? <Text>{'• '}</Text> : null}
          <Box flexShrink={1}>
            <Text>{point.trim()}</Text>
          </Box>
        </Box>
      ))}
    </>
  );
}
