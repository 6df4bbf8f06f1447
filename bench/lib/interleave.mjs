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
