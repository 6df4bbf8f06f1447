// What this machine itself gives: the hand-written fork script with one child against `units` children,
// same items, interleaved. Two bare loops side by side do not run twice as fast as one on a shared
// machine, and no strategy can beat the bare script, so this is the yardstick for a strategy's speedup.
import { runHand } from './concur.mjs';
import { interleaved } from './interleave.mjs';
import { median } from './stats.mjs';

/** The bare fork script's speedup with `units` children over one, on `items` of the summing loop to `n`. */
export async function machineCeiling(rounds, { items, n, units }) {
  const job = (children) => ({ work: 'sum', input: n, items, units: children, inFlight: 1 });
  const walls = await interleaved(rounds, {
    one: async () => (await runHand('process', job(1))).wallMs,
    many: async () => (await runHand('process', job(units))).wallMs,
  });
  return median(walls.one) / median(walls.many);
}
