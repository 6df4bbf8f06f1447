// A run's start-up is its units' own spawn-to-ready, never the time a unit waited on a shared event loop
// behind another unit's item.
import { expect, it } from 'vitest';
import { runStrategy } from '../src/orchestrate/index.js';
import { inline } from './fixtures/engine.js';

const spin = new URL('./fixtures/tasks/spin.mjs', import.meta.url).href;
const SPIN_MS = 800;

it('counts no unit as starting while another unit’s item holds the shared loop', async () => {
  // Four units on this loop, four items that each hold it for SPIN_MS without yielding.
  const result = await runStrategy({
    strategy: inline,
    task: spin,
    inputs: [SPIN_MS, SPIN_MS, SPIN_MS, SPIN_MS],
    concurrency: 4,
  });
  expect(result.items.done).toBe(4);
  expect(result.startupMs).toBeLessThan(SPIN_MS);
  expect(result.units).toHaveLength(4);
  for (const unit of result.units) expect(unit.startupMs).toBeLessThan(SPIN_MS);
  // Start-up is part of the wall time, which holds every item's spin.
  expect(result.wallMs).toBeGreaterThan(result.startupMs);
});

it('tells no activity when a unit starts, only when items move: a report from there would be timed', async () => {
  let activity = 0;
  const result = await runStrategy({
    strategy: inline,
    task: spin,
    inputs: [0, 0, 0],
    concurrency: 3,
    onActivity: () => {
      activity += 1;
    },
  });
  expect(result.items.done).toBe(3);
  // Per item: its progress set to 0 and to 1 by the host, and its settling; none for the units' start.
  expect(activity).toBe(9);
});

it('hands each unit on the shared loop an item before any takes a second', async () => {
  const result = await runStrategy({
    strategy: inline,
    task: spin,
    inputs: [50, 50, 50, 50],
    concurrency: 4,
  });
  expect(result.units.map((unit) => unit.items)).toEqual([1, 1, 1, 1]);
});
