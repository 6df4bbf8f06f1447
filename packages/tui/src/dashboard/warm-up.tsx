/**
 * The live screen's first seconds cost two to three times what later frames do: V8 is still compiling ink,
 * React and the screen's own code, on the main thread and on its helper threads. Drawn during the first
 * measured run, that CPU comes out of the cores the run needs. So before the first run the dashboard draws
 * the live screen of a made-up run, off screen, as many frames as the compiler needs to settle, the way a
 * benchmark warms up before it measures.
 */

import { PassThrough, Writable } from 'node:stream';
import type { LiveSnapshot, PlannedRun } from '@concur/core/orchestrate';
import { render } from 'ink';
import { LiveScreen } from './LiveScreen.js';
import { LiveBoard } from './live-board.js';

/** About half a second here; past it, a frame costs what it will cost for the rest of the session. */
export const WARM_UP_FRAMES = 40;
const COLUMNS = 120;
/** The longest interval a timer takes (2^31 − 1 ms): frames come from rerender here, not the screen's clock. */
const NEVER_MS = 2_147_483_647;
const ROWS = 40;

/** The live screen's state at `frame` of a made-up CPU-bound run: progress moving on every unit. */
export function syntheticSnapshot(frame: number, units: number): LiveSnapshot {
  return {
    strategy: 'process',
    run: 1,
    warmup: false,
    concurrency: units,
    phase: 'running',
    elapsedMs: frame * 100,
    total: units * 2,
    done: Math.floor(frame / 40),
    failed: 0,
    inFlight: units,
    throughput: 1.7,
    etaMs: 9000 - frame * 10,
    replacements: 0,
    loopDelay: { p50Ms: 0.4, p99Ms: 1.5 + (frame % 7) / 10, maxMs: 3 },
    units: Array.from({ length: units }, (_, slot) => ({
      slot,
      id: `pid ${4100 + slot}`,
      state: 'busy' as const,
      item: slot,
      inFlight: 1,
      progress: ((frame * 3 + slot * 17) % 100) / 100,
      done: Math.floor(frame / 40),
      failed: 0,
      cpuPercent: 95 + (frame % 5),
      memoryBytes: (48 + (frame % 3)) * 1024 * 1024,
    })),
    unitCount: units,
    progressHistogram: [0, 0, 0, 0, 0, units, 0, 0, 0, 0],
  };
}

/** A made-up run's board: a plan of four strategies, the first one running. */
export function syntheticBoard(units: number, clock: () => number): LiveBoard {
  const board = new LiveBoard(clock);
  const planned = (strategy: string): PlannedRun => ({ strategy, concurrency: units, run: 1, warmup: false });
  const plan = ['process', 'thread', 'async', 'other'].map(planned);
  board.handle({ type: 'plan', plan, items: units * 2 });
  board.handle({ type: 'run-start', planned: planned('process'), position: 0 });
  return board;
}

/**
 * A stream that looks like a 120×40 terminal to ink and throws away what it is given, after telling
 * `written` how many bytes (the frame-cost bench counts them).
 */
export function nowhere(written: (bytes: number) => void = () => {}): NodeJS.WriteStream {
  const stream = new Writable({
    write: (chunk: Buffer, _encoding, done) => {
      written(chunk.length);
      done();
    },
  });
  return Object.assign(stream, {
    isTTY: true,
    columns: COLUMNS,
    rows: ROWS,
  }) as unknown as NodeJS.WriteStream;
}

/**
 * Draw `frames` frames of a made-up live screen where nobody sees them, yielding to the event loop between
 * frames so that keys and the real screen stay responsive meanwhile.
 */
export async function warmUpDrawing(frames = WARM_UP_FRAMES): Promise<void> {
  let clock = 0;
  const board = syntheticBoard(2, () => clock);
  const screen = () => (
    <LiveScreen
      key="warm-up"
      board={board}
      workload={{ name: 'warm-up', kind: 'cpu' }}
      traits={{}}
      rows={ROWS}
      columns={COLUMNS}
      stopping={false}
      everyMs={NEVER_MS}
    />
  );
  const instance = render(screen(), {
    stdout: nowhere(),
    stdin: new PassThrough() as unknown as NodeJS.ReadStream,
    patchConsole: false,
    exitOnCtrlC: false,
    maxFps: 1000,
  });
  try {
    for (let frame = 1; frame <= frames; frame += 1) {
      clock += 100;
      board.handle({ type: 'snapshot', snapshot: syntheticSnapshot(frame, 2) });
      instance.rerender(screen());
      await new Promise((resolve) => setImmediate(resolve));
    }
  } finally {
    instance.unmount();
  }
}
