import { describe, expect, it } from 'vitest';
import { LiveBoard } from '../src/dashboard/live-board.js';
import { stallLine, unitFiguresNote, unitsAlike, unitsLine } from '../src/dashboard/StrategyPanel.js';
import { stalledFor } from '../src/dashboard/stall.js';
import { snapshot, unit } from './fixtures/dashboard/samples.js';

const planned = { strategy: 'async', concurrency: 4, run: 1, warmup: false };

function boardAt(time: { now: number }) {
  const board = new LiveBoard(() => time.now);
  board.handle({ type: 'run-start', planned, position: 0 });
  return board;
}

describe('stalledFor', () => {
  it('is null while snapshots keep arriving from a turning loop', () => {
    const time = { now: 0 };
    const board = boardAt(time);
    time.now = 2_000;
    board.handle({ type: 'snapshot', snapshot: snapshot({ loopBlockedMs: 0 }) });
    time.now = 2_100;
    expect(stalledFor(board, time.now)).toBeNull();
  });

  it('counts silence once snapshots stop', () => {
    const time = { now: 0 };
    const board = boardAt(time);
    board.handle({ type: 'snapshot', snapshot: snapshot({ loopBlockedMs: 0 }) });
    time.now = 1_200;
    expect(stalledFor(board, time.now)).toBe(1_200);
  });

  it('believes an engine that reports its loop blocked, even while its snapshots keep coming', () => {
    const time = { now: 0 };
    const board = boardAt(time);
    time.now = 3_000;
    board.handle({ type: 'snapshot', snapshot: snapshot({ loopBlockedMs: 2_500 }) });
    time.now = 3_050;
    expect(stalledFor(board, time.now)).toBe(2_550);
  });
});

describe('what the live panel says holds the loop', () => {
  it('says units are starting, with how many are ready, rather than blame a task before any item ran', () => {
    const starting = snapshot({ phase: 'starting', done: 0, failed: 0, unitCount: 1000, starting: 393 });
    expect(unitsLine(starting, 1000)).toBe('starting units: 607 of 1,000 ready');
    expect(stallLine(11_000, starting, 1000, null)).toBe(
      '⚠ engine event loop held for 11.0 s — starting units: 607 of 1,000 ready',
    );
  });

  it('blames a task that does not yield once units are up, with the hint where it is expected', () => {
    const running = snapshot({ starting: 0 });
    expect(unitsLine(running, 2)).toBe('2 units · running');
    expect(stallLine(2_000, running, 2, 'CPU-bound work on the async strategy')).toBe(
      '⚠ engine event loop blocked for 2.00 s — a task is not yielding (expected for CPU-bound work on the async strategy)',
    );
  });
});

describe('figures no unit can tell', () => {
  it('says once why no row has CPU and memory: slots that share the engine, or too many to sample', () => {
    const slots = [unit(0, { cpuPercent: undefined, memoryBytes: undefined, scope: 'shared' })];
    expect(unitFiguresNote(snapshot({ units: slots }), slots)).toMatch(
      /^cpu and memory per unit: not measurable, every unit shares the engine's thread and heap/,
    );
    const many = [unit(0, { cpuPercent: undefined, memoryBytes: undefined })];
    expect(unitFiguresNote(snapshot({ units: many, unitCount: 1000, unitsSampled: false }), many)).toMatch(
      /^cpu and memory per unit: not sampled with 1,000 units/,
    );
    const processes = [unit(0), unit(1)];
    expect(unitFiguresNote(snapshot({ units: processes }), processes)).toBeNull();
  });
});

it('blames no task for a held loop on a strategy whose tasks run in units of their own', () => {
  expect(stallLine(300, snapshot({ starting: 0 }), 2, null, false)).toBe(
    "⚠ engine event loop held for 300 ms — not by a task (this strategy's tasks run in units of their own): the machine may be busy",
  );
});

describe('many units alike', () => {
  it('says in one line that no unit stands out, rather than list identical rows', () => {
    const waiting = Array.from({ length: 8 }, (_, slot) => unit(slot, { progress: 0, inFlight: 1 }));
    const many = snapshot({ units: waiting, unitCount: 1000, inFlight: 1000 });
    expect(unitsAlike(many, waiting)).toBe(
      '1,000 units, 1,000 items in flight, none reporting progress: no unit stands out',
    );
    const moving = [...waiting.slice(1), unit(9, { progress: 0.4, inFlight: 1 })];
    expect(unitsAlike(many, moving)).toBeNull();
  });
});

it('blames a teardown, not an item, for a loop held while the units close', () => {
  expect(stallLine(12_000, snapshot({ phase: 'closing', done: 4 }), 2, null)).toBe(
    "⚠ engine event loop held for 12.0 s while the units close — a task's teardown is not yielding",
  );
});
