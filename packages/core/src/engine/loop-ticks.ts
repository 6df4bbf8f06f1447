/**
 * The engine loop's delay over time, for the timeline: a timer that notes how late each of its ticks came. A
 * strategy that runs tasks on this loop and blocks it shows as one tick late by the whole stretch.
 */
import type { TimelineRecorder } from './timeline-recorder.js';

/** Often enough to place a blocked stretch within a tick; a run of a minute adds a few thousand figures. */
export const LOOP_TICK_MS = 50;

/** Tick until the returned function is called. */
export function startLoopTicks(timeline: TimelineRecorder, everyMs = LOOP_TICK_MS): () => void {
  let last = timeline.now();
  const timer = setInterval(() => {
    const now = timeline.now();
    timeline.loopTick(now - last - everyMs);
    last = now;
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
