import type { OutputChunk, RunRecord } from '@concur/core';
import { Box, Text } from 'ink';
import { fit } from './palette.js';

/** What one unit printed during one run. */
export interface UnitOutput {
  readonly label: string;
  readonly chunks: readonly OutputChunk[];
  readonly truncated: boolean;
}

/** Every unit that printed something, run by run, by slot. */
export function unitOutputs(records: readonly RunRecord[]): UnitOutput[] {
  const outputs: UnitOutput[] = [];
  for (const record of records) {
    const slots = [...new Set(record.output.map((chunk) => chunk.unit))].sort((a, b) => a - b);
    for (const slot of slots) {
      const id = record.units.find((u) => u.slot === slot)?.id ?? `slot ${slot}`;
      const run = record.warmup ? `warmup ${record.run}` : `run ${record.run}`;
      outputs.push({
        label: `${record.strategy} ${run} · ${id}`,
        chunks: record.output.filter((chunk) => chunk.unit === slot),
        truncated: record.outputTruncated,
      });
    }
  }
  return outputs;
}

/**
 * A list of units that printed, the selected one's output beside it (the latest lines that fit). The app
 * moves the selection (↑↓), so a key pressed right after opening is never lost.
 */
export function OutputViewer({
  outputs,
  selected,
  rows,
  columns,
}: {
  readonly outputs: readonly UnitOutput[];
  readonly selected: number;
  readonly rows: number;
  readonly columns: number;
}) {
  const height = Math.max(3, rows - 3);
  const listWidth = Math.min(40, Math.max(20, ...outputs.map((o) => o.label.length + 3)));
  const textWidth = Math.max(20, columns - listWidth - 3);
  const current = outputs[selected];
  const lines = current
    ? current.chunks
        .flatMap((chunk) =>
          chunk.text
            .replace(/\n$/, '')
            .split('\n')
            .map((text) => ({ stream: chunk.stream, text })),
        )
        .slice(-height)
    : [];
  const first = Math.max(0, Math.min(selected - Math.floor(height / 2), outputs.length - height));
  return (
    <Box flexDirection="column">
      <Text bold>Captured output</Text>
      {outputs.length === 0 ? (
        <Text color="gray">No unit printed anything in the finished runs.</Text>
      ) : (
        <Box>
          <Box flexDirection="column" width={listWidth} flexShrink={0}>
            {outputs.slice(first, first + height).map((output, index) => {
              const at = first + index;
              return (
                <Text key={output.label} color={at === selected ? 'cyan' : undefined} wrap="truncate">
                  {at === selected ? '› ' : '  '}
                  {fit(output.label, listWidth - 3)}
                </Text>
              );
            })}
          </Box>
          <Box flexDirection="column" width={textWidth} borderStyle="single" borderColor="gray" paddingX={1}>
            {lines.map((line, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: lines of a fixed text
              <Text key={index} color={line.stream === 'stderr' ? 'red' : undefined} wrap="truncate">
                {line.text}
              </Text>
            ))}
            {current?.truncated ? (
              <Text color="gray">(some output of this run was dropped: over the cap)</Text>
            ) : null}
          </Box>
        </Box>
      )}
      <Text color="gray">↑↓ pick a unit · esc or l back</Text>
    </Box>
  );
}
