// The one way the bench runs contenders: side by side, round by round, with a pause after every run.

/** A pause after every run, long enough for a run's teardown to finish before the next run starts. */
export const SETTLE_MS = 250;
export const settle = (ms = SETTLE_MS) => new Promise((resolve) => setTimeout(resolve, ms));

/** The contenders' order in a round: the same every round, or (rotate) moved on by one place per round. */
export const orderOf = (names, round, rotate) =>
  rotate ? names.map((_, i) => names[(i + round) % names.length]) : names;

/**
 * Run each contender once per round (A B C A B C …, never A A A B B B), so that a slow drift of a shared
 * machine falls on every contender alike, with a pause after every run so that one run's teardown
 * (processes exiting, connections closing on a shared server) does not fall on the next. With `rotate`
 * the order moves on each round (A B, B A, A B …), so that neither contender always runs after the
 * other. Returns each contender's figures, by round.
 */
export async function interleaved(rounds, contenders, { rotate = false, onRound = () => {} } = {}) {
  const names = Object.keys(contenders);
  const figures = Object.fromEntries(names.map((name) => [name, []]));
  for (let round = 0; round < rounds; round += 1) {
    for (const name of orderOf(names, round, rotate)) {
      figures[name].push(await contenders[name](round));
      await settle();
    }
    onRound(round);
  }
  return figures;
}

/**
 * Contenders against a reference, each of their runs sandwiched between two of the reference's:
 * R A R B R A R B … R, with the same pause after every run as `interleaved`. Comparing a run with the
 * mean of the reference runs either side cancels a drift of the machine's speed; the reference runs alone
 * give the noise floor, one run against the next. With one contender this is R C R C … C R.
 * Returns { reference: [figures in order], runs: { name: [{ value, at }] } }, where `at` is the index of
 * the reference run just before, by round.
 */
export async function sandwiched(rounds, reference, contenders, { rotate = false } = {}) {
  const names = Object.keys(contenders);
  const figures = { reference: [await reference()], runs: Object.fromEntries(names.map((n) => [n, []])) };
  for (let round = 0; round < rounds; round += 1)
    for (const name of orderOf(names, round, rotate)) {
      await settle();
      const value = await contenders[name](round);
      figures.runs[name].push({ value, at: figures.reference.length - 1 });
      await settle();
      figures.reference.push(await reference());
    }
  return figures;
}
