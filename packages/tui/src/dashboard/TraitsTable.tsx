import { BASELINE_NAME, type StrategyTraits, type Traits } from '@concur/core';
import { Box, Text } from 'ink';
import { strategyColour } from './palette.js';

/** The article's comparison rows, in its order. */
export const TRAIT_ROWS: readonly { readonly label: string; readonly value: (t: Traits) => string }[] = [
  { label: 'Basic unit', value: (t) => t.unit },
  { label: 'Memory space', value: (t) => t.memory },
  { label: 'Parallel on cores', value: (t) => (t.parallel ? 'Yes' : 'No') },
  { label: 'Parallelism/Concurrency', value: (t) => t.execution },
  { label: 'Best for', value: (t) => t.bestFor },
  { label: 'Pros', value: (t) => t.pros.join('; ') },
  { label: 'Cons', value: (t) => t.cons.join('; ') },
];

const LABEL_WIDTH = 25;

/** One column per strategy that ran (the baseline has no traits worth a column). */
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
  const columnWidth = Math.max(12, Math.floor((width - LABEL_WIDTH) / columns.length) - 1);
  return (
    <Box flexDirection="column">
      <Box>
        <Box width={LABEL_WIDTH} />
        {columns.map((t) => (
          <Box key={t.name} width={columnWidth} marginRight={1}>
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
            <Box key={t.name} width={columnWidth} marginRight={1} flexShrink={0}>
              <Text>{row.value(t.traits)}</Text>
            </Box>
          ))}
        </Box>
      ))}
    </Box>
  );
}
