// Units whose start holds the engine's loop (a worker thread's or a child's spawn does, before it awaits
// anything): the engine yields a turn between them, so the live state can say units are starting rather
// than go silent as if a task blocked the loop.
import { expect, it } from 'vitest';
import type { LiveRun } from '../src/engine/live-state.js';
import { defineStrategy } from '../src/index.js';
import { runStrategy } from '../src/orchestrate/index.js';
import { fixtureTasks, inline } from './fixtures/engine.js';

const HOLD_MS = 30;
const UNITS = 12;

/** The inline strategy, with a spawn that holds the loop for HOLD_MS before it starts its unit. */
const heavyStart = defineStrategy({
  ...inline,
  meta: { ...inline.meta, name: 'heavy-start' },
  spawn(spec) {
    const until = performance.now() + HOLD_MS;
    while (performance.now() < until) {
      // Held, as a synchronous spawn holds it.
    }
    return inline.spawn(spec);
  },
});

it('lets the live state be read while many units start, and says how many are starting', async () => {
  let live: LiveRun | undefined;
  const seen: { starting: number; units: number }[] = [];
  const timer = setInterval(() => {
    const snapshot = live?.snapshot();
    if (snapshot) seen.push({ starting: snapshot.starting ?? 0, units: snapshot.unitCount });
  }, 5);
  try {
    const result = await runStrategy({
      strategy: heavyStart,
      task: fixtureTasks.echo,
      inputs: Array.from({ length: UNITS }, (_, i) => i),
      concurrency: UNITS,
      onLive: (state) => {
        live = state;
      },
    });
    expect(result.items.done).toBe(UNITS);
  } finally {
    clearInterval(timer);
  }
  // Snapshots were taken while the first units were still being started, the loop held 30 ms by each.
  expect(seen.some((s) => s.units > 0 && s.units < UNITS)).toBe(true);
  expect(seen.some((s) => s.starting > 0)).toBe(true);
});
