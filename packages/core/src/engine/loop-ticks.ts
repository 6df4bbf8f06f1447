/**
 * The engine loop's delay over time, for the timeline: a timer that notes how late each of its ticks came
 * (see `TimelineRecorder.loopCheck`). A strategy that runs tasks on this loop and blocks it shows as ticks
 * late by the whole stretch.
 */
import type { TimelineRecorder } from './timeline-recorder.js';

/** Often enough to place a blocked stretch within a tick; a run of a minute adds a few thousand figures. */
export const LOOP_TICK_MS = 50;

/** Tick until the returned function is called; the stop notes a stretch the timer could not. */
export function startLoopTicks(timeline: TimelineRecorder, everyMs = LOOP_TICK_MS): () => void {
  timeline.loopTimer(everyMs);
  const timer = setInterval(() => timeline.loopCheck(true), everyMs);
  timer.unref();
  return () => {
    timeline.loopCheck(false);
    clearInterval(timer);
  };
}
