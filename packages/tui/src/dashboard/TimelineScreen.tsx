import type { Report } from '@concur/core';
import { formatDuration } from '@concur/core/orchestrate';
import { Box, Text } from 'ink';
import { medianRunLabel, medianRuns } from '../timeline/median-runs.js';
import { CELL, type Cell, timelineGrid } from '../timeline/timeline-cells.js';
import { strategyColour } from './palette.js';

const GLYPHS: Readonly<Record<Cell, string>> = {
  [CELL.idle]: ' ',
  [CELL.waiting]: '░',
  [CELL.startup]: '▒',
  [CELL.runA]: '█',
  [CELL.runB]: '▓',
  [CELL.failed]: '✗',
  [CELL.blocked]: '█',
};

/** Header, axis, its labels, the legend and the key line. */
const CHROME_LINES = 6;
const LABEL_WIDTH = 13;

/** Runs of equal cells, so that a row is a few coloured segments rather than a node per cell. */
function segments(cells: readonly Cell[]): { cell: Cell; length: number }[] {
  const out: { cell: Cell; length: number }[] = [];
  for (const cell of cells) {
    const last = out.at(-1);
    if (last && last.cell === cell) last.length += 1;
    else out.push({ cell, length: 1 });
  }
  return out;
}

/** How many timelines the report has: one per strategy × concurrency whose runs kept one. */
export function timelineCount(report: Report): number {
  return medianRuns(report).length;
}

/**
 * One strategy's median run at a time: units as rows, time across the terminal's width, items as blocks
 * (two shades, so that items one after another read as several), start-ups, failures and the engine's
 * loop where it was blocked.
 */
export function TimelineScreen({
  report,
  selected,
  columns,
  rows,
}: {
  readonly report: Report;
  readonly selected: number;
  readonly columns: number;
  readonly rows: number;
}) {
  const runs = medianRuns(report);
  const chosen = runs[Math.max(0, Math.min(selected, runs.length - 1))];
  if (!chosen)
    return (
      <Box flexDirection="column">
        <Text>No run of this comparison kept a timeline (a report from an older concur).</Text>
        <Text color="gray">esc back · q quit</Text>
      </Box>
    );
  const width = Math.max(10, columns - LABEL_WIDTH - 2);
  const grid = timelineGrid(chosen.run, width, Math.max(1, rows - CHROME_LINES));
  const colour = strategyColour(chosen.run.strategy, report.settings.strategies);
  const colourOf = (cell: Cell) =>
    cell === CELL.failed
      ? 'red'
      : cell === CELL.blocked
        ? 'yellow'
        : cell === CELL.runA || cell === CELL.runB
          ? colour
          : 'gray';
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => ({
    at: Math.round(f * (width - 1)),
    text: formatDuration(f * grid.wallMs),
  }));
  let axisLabels = '';
  for (const { at, text } of ticks) {
    const from = Math.min(
      Math.max(at - (at === width - 1 ? text.length - 1 : 0), axisLabels.length + (axisLabels ? 1 : 0)),
      width,
    );
    axisLabels = `${axisLabels.padEnd(from)}${text}`;
  }
  return (
    <Box flexDirection="column" width={columns}>
      <Text wrap="truncate">
        <Text bold>Timeline</Text>
        <Text color="gray">{' · '}</Text>
        <Text bold color={colour}>
          {medianRunLabel(chosen)}
        </Text>
        <Text color="gray">{` · ${selected + 1}/${runs.length} · ${formatDuration(grid.cellMs)} a cell`}</Text>
      </Text>
      {grid.labels.map((label, row) => (
        <Text key={label} wrap="truncate">
          <Text color="gray">{`${label.slice(0, LABEL_WIDTH).padEnd(LABEL_WIDTH)} │`}</Text>
          {segments(grid.cells[row] ?? []).map((s, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: segments are positions along the row
            <Text key={i} color={colourOf(s.cell)}>
              {GLYPHS[s.cell].repeat(s.length)}
            </Text>
          ))}
        </Text>
      ))}
      <Text color="gray">{`${' '.repeat(LABEL_WIDTH)} └${'─'.repeat(width)}`}</Text>
      <Text color="gray">{`${' '.repeat(LABEL_WIDTH + 2)}${axisLabels}`}</Text>
      <Text wrap="truncate">
        <Text color={colour}>{'█▓'}</Text>
        <Text color="gray">{' running (its service time)  ░ in flight, not yet settled  ▒ start-up  '}</Text>
        <Text color="red">{'✗'}</Text>
        <Text color="gray">{' failed  '}</Text>
        <Text color="yellow">{'█'}</Text>
        <Text color="gray">{' engine loop blocked'}</Text>
      </Text>
      <Text color="gray" wrap="truncate">
        ← → another strategy · esc or t back to the results · q quit
      </Text>
    </Box>
  );
}
