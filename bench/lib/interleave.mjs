/**
 * Run each contender once per round, in the same order every round (A B C A B C …, never A A A B B B), so
 * that a slow drift of a shared machine falls on every contender alike. Returns each contender's figures.
 */
export async function interleaved(rounds, contenders, onRound = () => {}) {
  const figures = Object.fromEntries(Object.keys(contenders).map((name) => [name, []]));
  for (let round = 0; round < rounds; round += 1) {
    for (const [name, measure] of Object.entries(contenders)) figures[name].push(await measure(round));
    onRound(round);
  }
  return figures;
}

/** A pause after every run of `sandwiched`, long enough for a run's teardown to finish before the next. */
export const SETTLE_MS = 250;

/**
 * One contender against a reference, each of its runs sandwiched between two of the reference's:
 * R C R C … C R (rounds + 1 reference runs), with a pause after every run so that one run's teardown
 * (processes exiting, a thousand connections closing on a shared server) does not fall on the next.
 * Each round compares C with the mean of the reference runs either side, which cancels a drift of the
 * machine's speed over the round; the reference runs alone give the noise floor, one run against the next.
 * Returns { reference, contender }: the figures of each run, in order.
 */
export async function sandwiched(rounds, reference, contender, settleMs = SETTLE_MS) {
  const settle = () => new Promise((resolve) => setTimeout(resolve, settleMs));
  const figures = { reference: [await reference()], contender: [] };
  for (let round = 0; round < rounds; round += 1) {
    await settle();
    figures.contender.push(await contender());
    await settle();
    figures.reference.push(await reference());
  }
  return figures;
}
