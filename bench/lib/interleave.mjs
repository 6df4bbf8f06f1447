/** A pause after every run, long enough for a run's teardown to finish before the next run starts. */
export const SETTLE_MS = 250;
const settle = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Run each contender once per round, in the same order every round (A B C A B C …, never A A A B B B), so
 * that a slow drift of a shared machine falls on every contender alike, with a pause after every run so
 * that one run's teardown (processes exiting, connections closing on a shared server) does not fall on
 * the next. Returns each contender's figures.
 */
export async function interleaved(rounds, contenders, onRound = () => {}) {
  const figures = Object.fromEntries(Object.keys(contenders).map((name) => [name, []]));
  for (let round = 0; round < rounds; round += 1) {
    for (const [name, measure] of Object.entries(contenders)) {
      figures[name].push(await measure(round));
      await settle(SETTLE_MS);
    }
    onRound(round);
  }
  return figures;
}

/**
 * One contender against a reference, each of its runs sandwiched between two of the reference's:
 * R C R C … C R (rounds + 1 reference runs), with the same pause after every run as `interleaved`.
 * Each round compares C with the mean of the reference runs either side, which cancels a drift of the
 * machine's speed over the round; the reference runs alone give the noise floor, one run against the next.
 * Returns { reference, contender }: the figures of each run, in order.
 */
export async function sandwiched(rounds, reference, contender) {
  const figures = { reference: [await reference()], contender: [] };
  for (let round = 0; round < rounds; round += 1) {
    await settle(SETTLE_MS);
    figures.contender.push(await contender());
    await settle(SETTLE_MS);
    figures.reference.push(await reference());
  }
  return figures;
}
