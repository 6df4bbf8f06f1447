import { describe, expect, it } from 'vitest';
import { LiveBoard } from '../src/dashboard/live-board.js';
import { stalledFor } from '../src/dashboard/stall.js';
import { snapshot } from './fixtures/dashboard/samples.js';

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
