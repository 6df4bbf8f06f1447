import type { RunRecord } from '@concur/core';
import { formatDuration } from '@concur/core/orchestrate';
import { Text } from 'ink';
import type { Lane } from './live-board.js';

/** "1.02 s" per finished run, red where items failed. */
export function FinishedRuns({ finished }: { readonly finished: readonly RunRecord[] }) {
  return (
    <>
      {finished.map((record) => (
        <Text key={`${record.warmup ? 'w' : 'r'}${record.run}-${record.concurrency}`}>
          {'  '}
          <Text color={record.items.failed > 0 || record.aborted ? 'red' : record.warmup ? 'gray' : 'white'}>
            {record.cancelled ? 'stopped' : formatDuration(record.wallMs)}
          </Text>
        </Text>
      ))}
    </>
  );
}

/** A strategy that is not running now: its finished runs, or that it is queued. */
export function LaneSummary({
  lane,
  color,
  nameWidth,
}: {
  readonly lane: Lane;
  readonly color: string;
  readonly nameWidth: number;
}) {
  const left = lane.planned - lane.finished.length;
  const failed = lane.finished.reduce((sum, r) => sum + r.items.failed, 0);
  const mark = left === 0 ? '✓' : lane.finished.length > 0 ? '◐' : '·';
  return (
    <Text wrap="truncate">
      <Text color={left === 0 ? 'green' : 'gray'}>{mark} </Text>
      <Text color={color} bold={left === 0}>
        {lane.name.padEnd(nameWidth)}
      </Text>
      {lane.finished.length === 0 ? (
        <Text color="gray">{`  queued · ${lane.planned} run${lane.planned === 1 ? '' : 's'}`}</Text>
      ) : (
        <FinishedRuns finished={lane.finished} />
      )}
      {left > 0 && lane.finished.length > 0 ? <Text color="gray">{`  · ${left} to go`}</Text> : null}
      {failed > 0 ? <Text color="red">{`  ✗ ${failed} failed`}</Text> : null}
    </Text>
  );
}
