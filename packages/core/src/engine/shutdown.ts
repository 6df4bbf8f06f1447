/**
 * The end of a run: every unit's last figures, then a graceful close of the units still in their slots, a
 * kill for those that do not close in time, and a bounded wait for every kill under way. Each step has one
 * deadline for all units, not a timer per unit: a run may have thousands of them.
 */
import { withinMs } from '../unit-kit/wait.js';
import type { LiveRun } from './live-state.js';
import type { Slots } from './slots.js';
import type { Tally, UnitEntry } from './tally.js';

const FINAL_SAMPLES_MS = 2_000;
const CLOSE_MS = 5_000;
const KILLS_MS = 5_000;

export async function closeUnits(slots: Slots, tally: Tally, live: LiveRun): Promise<void> {
  const units = tally.units;
  // Final figures first, so that even a unit closed right after its last item is counted.
  await withinMs(
    Promise.all(
      units.map((entry) =>
        Promise.resolve()
          .then(() => entry.unit.sample())
          .then(
            (sample) => {
              entry.sample = sample;
              tally.timeline.sampled(entry.times.order, sample);
            },
            () => {}, // A unit that cannot say keeps no sample; the report shows its figures as missing.
          ),
      ),
    ),
    FINAL_SAMPLES_MS,
  );
  const closing: { entry: UnitEntry; closed: boolean; failed?: string; done: Promise<void> }[] = [];
  for (const slot of slots.all) {
    const { unit, entry } = slot;
    if (!unit || !entry) continue;
    entry.end = 'closed';
    live.ended(slot.index, 'closed');
    slot.unit = undefined;
    const c: (typeof closing)[number] = { entry, closed: false, done: Promise.resolve() };
    c.done = unit.close().then(
      () => {
        c.closed = true;
        tally.unitEnded(entry);
      },
      (error: unknown) => {
        // A close that failed (its teardown threw) did finish: it is not a close that ran out of time.
        c.failed = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
      },
    );
    closing.push(c);
  }
  await withinMs(Promise.all(closing.map((c) => c.done)), CLOSE_MS);
  // A close that failed or did not finish in time: the unit is killed, the record says which it was.
  for (const c of closing) {
    if (c.closed) continue;
    c.entry.end =
      c.failed === undefined
        ? `killed: close did not finish within ${CLOSE_MS / 1000} s`
        : `killed: close failed: ${c.failed}`;
    tally.unitEnded(c.entry);
    slots.kill(c.entry.unit);
  }
  await withinMs(Promise.all(slots.pendingKills), KILLS_MS);
}
