import { expect, it } from 'vitest';
import { defineWorkload } from '../src/index.js';
import { type CompareEvent, compare, type LiveSnapshot } from '../src/orchestrate/index.js';

it('keeps sending snapshots with progress while a task blocks the engine’s loop, and says for how long', async () => {
  const workload = defineWorkload({
    name: 'spins',
    description: 'spins',
    kind: 'cpu',
    task: new URL('./fixtures/tasks/spin-progress.mjs', import.meta.url).href,
    params: {},
    inputs: () => [800, 800],
  });
  const snapshots: LiveSnapshot[] = [];
  await compare({
    workload,
    params: {},
    strategies: [],
    runs: 1,
    onEvent: (e: CompareEvent) => {
      if (e.type === 'snapshot') snapshots.push(e.snapshot);
    },
  });
  const blocked = snapshots.filter((s) => (s.loopBlockedMs ?? 0) > 0);
  expect(blocked.length).toBeGreaterThan(4);
  expect(Math.max(...blocked.map((s) => s.loopBlockedMs ?? 0))).toBeGreaterThan(500);
  // Progress of the item in flight moves, and the first item's completion is seen before the second ends.
  const progress = blocked.map((s) => s.units[0]?.progress ?? 0);
  expect(new Set(progress.map((p) => Math.round(p * 10))).size).toBeGreaterThan(2);
  expect(blocked.some((s) => s.done === 1)).toBe(true);
});
