import type { TaskKind, Traits } from '@concur/core';
import { Box, Text } from 'ink';
import { useSampled } from './hooks/use-sampled.js';
import { LaneSummary } from './LaneSummary.js';
import type { LiveBoard } from './live-board.js';
import { strategyColour } from './palette.js';
import { PANEL_CHROME_LINES, StrategyPanel } from './StrategyPanel.js';
import { stalledFor } from './stall.js';

export interface LiveScreenProps {
  readonly board: LiveBoard;
  readonly workload: { readonly name: string; readonly kind: TaskKind };
  /** Strategy name (the baseline's too) → its traits, to explain a blocked loop. */
  readonly traits: Readonly<Record<string, Traits>>;
  readonly rows: number;
  readonly columns: number;
  /** True once the user asked to quit: units are being stopped. */
  readonly stopping: boolean;
  /** Frames per second; the screen never renders per event. */
  readonly everyMs?: number;
}

/**
 * Why a blocked engine loop is no surprise, when it is none: work that computes, on a strategy whose units
 * run on the engine's own loop (its traits say so, whatever it is called). I/O work yields, so there a
 * stall is a task that does not.
 */
export function stallHint(name: string, traits: Traits | undefined, kind: TaskKind): string | null {
  if (!traits?.inEngineLoop || traits.parallel || kind === 'io') return null;
  return `${kind === 'cpu' ? 'CPU-bound' : 'mixed'} work on the ${name} strategy`;
}

/**
 * The run in progress: one panel per strategy — the running one live, the others one line each — sized to
 * the terminal so it never scrolls (a frame taller than the screen makes ink clear and redraw it: flicker).
 */
export function LiveScreen({
  board,
  workload,
  traits,
  rows,
  columns,
  stopping,
  everyMs = 100,
}: LiveScreenProps) {
  const now = useSampled(() => board.now(), true, everyMs);
  const lanes = board.lanes();
  const order = lanes.map((l) => l.name);
  const nameWidth = Math.max(8, ...order.map((n) => n.length));
  const current = board.current;
  const position = current ? current.position + 1 : board.records.length;
  // Title, one line per other lane, footer, the panel's own chrome, and a spare line so ink never goes full screen.
  const budget = Math.max(1, rows - 2 - Math.max(0, lanes.length - 1) - PANEL_CHROME_LINES - 1);
  const stalled = stalledFor(board, now);
  return (
    <Box flexDirection="column" width={columns}>
      <Text wrap="truncate">
        <Text bold>concur</Text>
        <Text color="gray">{' · '}</Text>
        <Text bold>{workload.name}</Text>
        <Text color="gray">{` (${workload.kind}) · ${board.items} items`}</Text>
        {board.plan.length > 0 ? (
          <Text color="gray">{` · run ${position} of ${board.plan.length}`}</Text>
        ) : null}
      </Text>
      {board.plan.length === 0 ? <Text color="yellow">starting the workload's services…</Text> : null}
      {lanes.map((lane) =>
        lane.running && current ? (
          <StrategyPanel
            key={lane.name}
            lane={lane}
            current={current}
            runsPlanned={
              board.plan.filter(
                (p) =>
                  p.strategy === lane.name &&
                  p.concurrency === current.planned.concurrency &&
                  p.warmup === current.planned.warmup,
              ).length
            }
            snapshot={board.snapshot}
            snapshotAt={board.snapshotAt}
            now={now}
            budget={budget}
            width={columns - 2}
            color={strategyColour(lane.name, order)}
            stalledMs={stalled}
            stallHint={stallHint(lane.name, traits[lane.name], workload.kind)}
            tasksOnEngineLoop={traits[lane.name] === undefined || traits[lane.name]?.inEngineLoop === true}
            sharesEngine={traits[lane.name]?.inEngineLoop === true && traits[lane.name]?.parallel === false}
          />
        ) : (
          <LaneSummary
            key={lane.name}
            lane={lane}
            color={strategyColour(lane.name, order)}
            nameWidth={nameWidth}
          />
        ),
      )}
      {stopping ? (
        <Text color="yellow">stopping every unit… the results so far are kept</Text>
      ) : (
        <Text color="gray">
          <Text color="white" bold>
            q
          </Text>{' '}
          quit (stops every unit, keeps the results so far)
        </Text>
      )}
    </Box>
  );
}
