import { formatBytes, type LiveUnit } from '@concur/core/orchestrate';
import { Box, Text } from 'ink';
import { memo } from 'react';
import { LiveBar } from './ProgressBar.js';
import { fit } from './palette.js';

export interface UnitRowProps {
  readonly unit: LiveUnit;
  readonly idWidth: number;
  readonly barWidth: number;
  readonly color: string;
  /** False where no unit can tell figures of its own: the panel says why once, the rows leave them out. */
  readonly figures?: boolean;
}

const STATE_COLOUR: Record<LiveUnit['state'], string> = {
  starting: 'yellow',
  idle: 'gray',
  busy: 'white',
  dead: 'red',
  closed: 'gray',
};

/**
 * One unit: id, its current item's progress, items done and failed, CPU and memory. The parts that change
 * every frame are plain ASCII and the ✓ and ✗ counts are texts of their own: ink measures an ASCII text at
 * once, and a text that did not change from its cache, so a row costs little to redraw.
 */
function UnitRowView({ unit, idWidth, barWidth, color, figures = true }: UnitRowProps) {
  const busy = unit.inFlight > 0;
  const percent = busy ? `${Math.round(unit.progress * 100)}%`.padStart(5) : '     ';
  const item = busy
    ? `item ${unit.item ?? '?'}${unit.inFlight > 1 ? ` +${unit.inFlight - 1}` : ''}`
    : unit.state;
  const cpu = unit.cpuPercent === undefined ? '-' : `${Math.round(unit.cpuPercent)}%`;
  return (
    <Box>
      <Text wrap="truncate">
        <Text color={STATE_COLOUR[unit.state]}>{fit(unit.id, idWidth)}</Text>{' '}
        <LiveBar fraction={busy ? unit.progress : 0} width={barWidth} color={color} />
        {percent} <Text color={busy ? 'white' : 'gray'}>{fit(item, 11)}</Text>
      </Text>
      <Text color="green" wrap="truncate">
        {`✓ ${unit.done}`.padEnd(7)}
      </Text>
      <Text color={unit.failed > 0 ? 'red' : 'gray'} wrap="truncate">
        {`✗ ${unit.failed}`.padEnd(6)}
      </Text>
      {figures ? (
        <Text wrap="truncate">
          <Text color="gray">cpu </Text>
          {cpu.padStart(4)}
          <Text color="gray"> mem </Text>
          {formatBytes(unit.memoryBytes).padStart(9)}
        </Text>
      ) : null}
    </Box>
  );
}

/** Rows re-render only when something visible changed: a new snapshot object with the same figures costs nothing. */
export function sameRow(a: UnitRowProps, b: UnitRowProps): boolean {
  const x = a.unit;
  const y = b.unit;
  return (
    a.idWidth === b.idWidth &&
    a.barWidth === b.barWidth &&
    a.color === b.color &&
    a.figures === b.figures &&
    x.id === y.id &&
    x.state === y.state &&
    x.item === y.item &&
    x.inFlight === y.inFlight &&
    Math.round(x.progress * 100) === Math.round(y.progress * 100) &&
    x.done === y.done &&
    x.failed === y.failed &&
    Math.round(x.cpuPercent ?? -1) === Math.round(y.cpuPercent ?? -1) &&
    formatBytes(x.memoryBytes) === formatBytes(y.memoryBytes)
  );
}

export const UnitRow = memo(UnitRowView, sameRow);
