import type { VerdictLine } from '@concur/core';
import { Box, Text } from 'ink';

/** The verdict as sentences: a clear win in green, a difference within the noise in grey. */
export function VerdictLines({ verdict }: { readonly verdict: readonly VerdictLine[] }) {
  if (verdict.length === 0) return <Text color="gray">No verdict: fewer than two strategies finished.</Text>;
  return (
    <Box flexDirection="column">
      {verdict.map((line) => (
        <Text
          key={`${line.concurrency}-${line.winner}-${line.loser}`}
          color={line.significant ? undefined : 'gray'}
        >
          <Text color={line.significant ? 'green' : 'gray'}>{line.significant ? '✓ ' : '≈ '}</Text>
          {line.text}
        </Text>
      ))}
    </Box>
  );
}
