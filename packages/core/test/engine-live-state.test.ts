import { expect, it } from 'vitest';
import { LiveRun } from '../src/engine/live-state.js';
import { ProgressCell } from '../src/index.js';
import { type LiveSnapshot, runStrategy } from '../src/orchestrate/index.js';
import { fixtureTasks, inline } from './fixtures/engine.js';

it('lets a renderer see units busy and their progress while the run goes on', async () => {
  let live: LiveRun | undefined;
  const seen: LiveSnapshot[] = [];
  const running = runStrategy({
    strategy: inline,
    task: fixtureTasks.progress,
    inputs: [{ ms: 400 }, { ms: 400 }, { ms: 400 }],
    concurrency: 2,
    onLive: (l) => {
      live = l;
    },
  });
  const poll = setInterval(() => live && seen.push(live.snapshot()), 50);
  const result = await running;
  clearInterval(poll);
  const busy = seen.find((s) => s.units.filter((u) => u.state === 'busy').length === 2);
  expect(busy).toBeDefined();
  expect(busy?.units[0]?.progress).toBeCloseTo(0.5, 2);
  expect(busy?.progressHistogram[5]).toBe(2);
  const last = live?.snapshot();
  expect(last?.phase).toBe('done');
  expect(last?.done).toBe(3);
  expect(result.items.done).toBe(3);
});

it('shows the busiest units when there are more units than rows', async () => {
  let live: LiveRun | undefined;
  const running = runStrategy({
    strategy: inline,
    task: fixtureTasks.interval,
    inputs: [{ ms: 300 }, { ms: 300 }],
    concurrency: 10,
    onLive: (l) => {
      live = l;
    },
  });
  await new Promise((r) => setTimeout(r, 150));
  const snapshot = live?.snapshot(3);
  expect(snapshot?.unitCount).toBe(10);
  expect(snapshot?.units).toHaveLength(3);
  expect(snapshot?.units.slice(0, 2).every((u) => u.state === 'busy')).toBe(true);
  await running;
});

it('picks the rows busiest of many slots, ties to the lower slot, and lists them in slot order', () => {
  const slots = 500;
  const board = ProgressCell.board(slots);
  const live = new LiveRun('async', 1, false, slots, slots);
  // Every third slot is idle; the others hold one item at a progress that repeats, so there are ties.
  for (let slot = 0; slot < slots; slot += 1) {
    const cell = new ProgressCell(board, slot);
    const inFlight = new Set<number>();
    live.starting(slot, cell, inFlight);
    live.attach(slot, `slot ${slot}`, cell);
    if (slot % 3 === 0) continue;
    inFlight.add(slot);
    live.began(slot);
    cell.set((slot % 7) / 10);
  }
  const busyness = (slot: number) => (slot % 3 === 0 ? 0 : 1 + (slot % 7) / 10);
  const expected = Array.from({ length: slots }, (_, slot) => slot)
    .sort((a, b) => busyness(b) - busyness(a) || a - b)
    .slice(0, 64)
    .sort((a, b) => a - b);
  const snapshot = live.snapshot(64);
  expect(snapshot.units.map((u) => u.slot)).toEqual(expected);
  expect(snapshot.unitCount).toBe(slots);
  expect(snapshot.inFlight).toBe(slots - Math.ceil(slots / 3));
});
