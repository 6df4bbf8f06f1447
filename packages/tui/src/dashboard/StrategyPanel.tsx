import { formatDuration, type LiveSnapshot, type LiveUnit } from '@concur/core/orchestrate';
import { Box, Text } from 'ink';
import { Histogram } from './Histogram.js';
import { FinishedRuns } from './LaneSummary.js';
import type { CurrentRun, Lane } from './live-board.js';
import { UnitRow } from './UnitRow.js';

/** Lines kept for the blocked-loop warning, shown or not, so the screen never jumps. */
const STALL_LINES = 2;
/** Lines the live panel needs besides its unit rows: two header lines, the warning, a blank line after. */
export const PANEL_CHROME_LINES = 3 + STALL_LINES;
/** Lines the histogram takes when the units do not all fit. */
export const HISTOGRAM_LINES = 4;

/**
 * The unit rows that fit in `budget` lines. When every unit fits they are all shown in slot order (rows
 * never jump); otherwise the busiest, still in slot order, and room is left for the histogram.
 */
export function pickRows(snapshot: LiveSnapshot, budget: number): { rows: LiveUnit[]; truncated: boolean } {
  const all = snapshot.units.length === snapshot.unitCount;
  if (all && snapshot.unitCount <= budget) return { rows: [...snapshot.units], truncated: false };
  const room = Math.max(1, budget - HISTOGRAM_LINES);
  const busiest = [...snapshot.units]
    .sort((a, b) => b.inFlight - a.inFlight || b.progress - a.progress || a.slot - b.slot)
    .slice(0, room)
    .sort((a, b) => a.slot - b.slot);
  return { rows: busiest, truncated: true };
}

export interface StrategyPanelProps {
  readonly lane: Lane;
  readonly current: CurrentRun;
  /** Measured runs of this strategy at this concurrency, for "run 2/3". */
  readonly runsPlanned: number;
  readonly snapshot: LiveSnapshot | null;
  readonly snapshotAt: number | null;
  readonly now: number;
  /** Lines available for unit rows (and the histogram when they do not all fit). */
  readonly budget: number;
  readonly width: number;
  readonly color: string;
  /** Milliseconds since the engine last spoke, when it is over the threshold. */
  readonly stalledMs: number | null;
  /** Says why a stall is expected: "CPU-bound work on the async strategy". */
  readonly stallHint: string | null;
  /** Whether the strategy's tasks run on the engine's own loop (its traits say so); default true. */
  readonly tasksOnEngineLoop?: boolean;
  /** Whether its units all share the engine's one thread (on its loop, not parallel): no unit has figures. */
  readonly sharesEngine?: boolean;
}

/** The running strategy: a header with the run's figures, a row per unit, and the engine's health. */
export function StrategyPanel(props: StrategyPanelProps) {
  const { lane, current, snapshot, now, color, width } = props;
  const planned = current.planned;
  const label = planned.warmup ? `warmup ${planned.run}` : `run ${planned.run}/${props.runsPlanned}`;
  // The engine's elapsed time stops while its loop is blocked; ours keeps counting.
  const elapsed = snapshot
    ? snapshot.elapsedMs + (props.snapshotAt === null ? 0 : now - props.snapshotAt)
    : now - current.startedAt;
  const { rows, truncated } = snapshot ? pickRows(snapshot, props.budget) : { rows: [], truncated: false };
  const idWidth = Math.max(8, ...rows.map((u) => u.id.length));
  const alike = snapshot && truncated ? unitsAlike(snapshot, rows) : null;
  const stall =
    props.stalledMs === null
      ? null
      : stallLine(
          props.stalledMs,
          snapshot,
          planned.concurrency,
          props.stallHint,
          props.tasksOnEngineLoop ?? true,
        );
  const figuresNote = snapshot
    ? unitFiguresNote(snapshot, rows, (props.tasksOnEngineLoop ?? false) && props.sharesEngine === true)
    : null;
  const barWidth = Math.max(10, Math.min(40, width - idWidth - 62));
  return (
    // No border box: ink redraws every cell of a frame, and a border costs a fifth of the frame's time.
    <Box flexDirection="column" marginBottom={1}>
      <Text wrap="truncate">
        <Text color={color} bold>{`▶ ${lane.name}`}</Text>
        {`  ${label}`}
        <Text color="gray">{` · concurrency ${planned.concurrency}`}</Text>
        {snapshot ? <Text color="gray">{` · ${unitsLine(snapshot, planned.concurrency)}`}</Text> : null}
        <Text color="gray"> · elapsed </Text>
        {formatDuration(elapsed)}
        {snapshot ? (
          <>
            <Text color="gray"> · ETA </Text>
            {formatDuration(snapshot.etaMs)}
          </>
        ) : null}
      </Text>
      <Box flexDirection="column" paddingLeft={2}>
        <Text wrap="truncate">
          {snapshot ? (
            <>
              <Text color="gray">done </Text>
              {`${snapshot.done}/${snapshot.total}`}
              {snapshot.failed > 0 ? <Text color="red">{` ✗ ${snapshot.failed}`}</Text> : null}
              <Text color="gray"> · </Text>
              {`${snapshot.throughput.toFixed(1)} items/s`}
              <Text color="gray"> · engine loop delay p99 </Text>
              {formatDuration(snapshot.loopDelay.p99Ms)}
              <Text color="gray">, max </Text>
              {formatDuration(snapshot.loopDelay.maxMs)}
            </>
          ) : (
            <Text color="yellow">waiting for the engine's first snapshot…</Text>
          )}
          {lane.finished.length > 0 ? (
            <>
              <Text color="gray"> · before:</Text>
              <FinishedRuns finished={lane.finished} />
            </>
          ) : null}
        </Text>
        {alike === null ? (
          rows.map((unit) => (
            <UnitRow
              key={unit.slot}
              unit={unit}
              idWidth={idWidth}
              barWidth={barWidth}
              color={color}
              figures={figuresNote === null}
            />
          ))
        ) : (
          <Text color="gray" wrap="truncate">
            {alike}
          </Text>
        )}
        {snapshot && truncated ? (
          <Histogram
            counts={snapshot.progressHistogram}
            inFlight={snapshot.inFlight}
            unitCount={snapshot.unitCount}
            shown={alike === null ? rows.length : 0}
            color={color}
          />
        ) : null}
        <Box height={STALL_LINES} flexDirection="column">
          {stall === null ? null : <Text color="yellow">{stall}</Text>}
          {/* The warning may take both lines; the note is said where it leaves one. */}
          {figuresNote === null || (stall !== null && stall.length > width - 2) ? null : (
            <Text color="gray" wrap="truncate">
              {figuresNote}
            </Text>
          )}
        </Box>
      </Box>
    </Box>
  );
}

/** "2 units · running", or while units start "starting units: 607 of 1,000 ready". */
export function unitsLine(snapshot: LiveSnapshot, concurrency: number): string {
  const starting = snapshot.starting ?? 0;
  if (starting === 0 && (snapshot.unitCount >= concurrency || snapshot.phase !== 'starting'))
    return `${snapshot.unitCount} units · ${snapshot.phase}`;
  const ready = snapshot.unitCount - starting;
  return `starting units: ${ready.toLocaleString('en-US')} of ${concurrency.toLocaleString('en-US')} ready`;
}

/**
 * Why the engine's loop is held. Before any item has settled, while units are still starting, it is their
 * start (a thread or a process each) that holds it, not a task: say so rather than blame one.
 */
export function stallLine(
  stalledMs: number,
  snapshot: LiveSnapshot | null,
  concurrency: number,
  hint: string | null,
  tasksOnEngineLoop = true,
): string {
  const held = formatDuration(stalledMs);
  const starting = snapshot ? (snapshot.starting ?? 0) > 0 || snapshot.unitCount < concurrency : false;
  if (snapshot && starting && snapshot.done + snapshot.failed === 0)
    return `⚠ engine event loop held for ${held} — ${unitsLine(snapshot, concurrency)}`;
  // Every item settled and the units are closing: what holds the loop is a teardown, not an item's run.
  if (snapshot?.phase === 'closing')
    return `⚠ engine event loop held for ${held} while the units close — a task's teardown is not yielding`;
  // Tasks that run in units of their own cannot hold the engine's loop: a busy machine or the engine can.
  if (!tasksOnEngineLoop)
    return `⚠ engine event loop held for ${held} — not by a task (this strategy's tasks run in units of their own): the machine may be busy`;
  return `⚠ engine event loop blocked for ${held} — a task is not yielding${hint ? ` (expected for ${hint})` : ''}`;
}

/**
 * Why no row shows CPU and memory, said once for the panel rather than as a dash on every row; null where
 * some row has figures of its own (or none was sampled yet).
 */
export function unitFiguresNote(
  snapshot: LiveSnapshot,
  rows: readonly LiveUnit[],
  sharesEngine = false,
): string | null {
  if (rows.length === 0 || rows.some((u) => u.cpuPercent !== undefined || u.memoryBytes !== undefined))
    return null;
  if (snapshot.unitsSampled === false)
    return `cpu and memory per unit: not sampled with ${snapshot.unitCount.toLocaleString('en-US')} units (it would cost more than it tells); the results have the run's`;
  // Before the first sample (a blocked loop takes none) the strategy's traits tell as much.
  if (sharesEngine || rows.every((u) => u.scope === 'shared'))
    return "cpu and memory per unit: not measurable, every unit shares the engine's thread and heap; the results have the run's";
  return null;
}

/**
 * Where there are more units than rows and the rows would all read the same (an item each in flight, none
 * reporting progress: a thousand slots waiting on the network), one line that says so, rather than a screen
 * of identical rows picked at random; null where some row stands out.
 */
export function unitsAlike(snapshot: LiveSnapshot, rows: readonly LiveUnit[]): string | null {
  const first = rows[0];
  if (!first) return null;
  const same = rows.every(
    (u) => u.state === first.state && u.inFlight === first.inFlight && u.progress === 0 && u.failed === 0,
  );
  if (!same) return null;
  const n = (value: number) => value.toLocaleString('en-US');
  return first.inFlight > 0
    ? `${n(snapshot.unitCount)} units, ${n(snapshot.inFlight)} items in flight, none reporting progress: no unit stands out`
    : `${n(snapshot.unitCount)} units, every one shown ${first.state}: no unit stands out`;
}
