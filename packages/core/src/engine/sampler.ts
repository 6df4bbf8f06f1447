/**
 * The live screen's figures while a run goes on: the engine's own event-loop delay, and each unit's CPU and
 * memory, asked of the units at a steady rate (never per item) and folded into the live state.
 */

import type { LoopDelay } from '../unit-kit/loop-delay.js';
import type { LiveRun } from './live-state.js';
import type { Slot } from './slots.js';
import type { TimelineRecorder } from './timeline-recorder.js';

/** Live rows get CPU and memory figures only up to this many units; beyond it sampling would cost more than it tells. */
const SAMPLED_UNITS_LIMIT = 64;

/** Sample every `everyMs` (0 or less: never) until the returned function is called. */
export function startSampler(
  everyMs: number,
  slots: readonly Slot[],
  live: LiveRun,
  loopDelay: LoopDelay,
  timeline: TimelineRecorder,
): () => void {
  if (everyMs <= 0) return () => {};
  // A round of samples still under way when the next is due: skip that one rather than pile them up.
  let busy = false;
  const timer = setInterval(() => {
    live.loopDelay = loopDelay.read();
    live.unitsSampled = slots.length <= SAMPLED_UNITS_LIMIT;
    if (busy || !live.unitsSampled) return;
    busy = true;
    const current = slots.filter((s) => s.unit);
    Promise.all(
      current.map(async (slot) => {
        const order = slot.entry?.times.order;
        const sample = await slot.unit?.sample();
        if (!sample) return;
        live.sampled(slot.index, sample);
        if (order !== undefined) timeline.sampled(order, sample);
      }),
    )
      .catch(() => {})
      .finally(() => {
        busy = false;
      });
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
