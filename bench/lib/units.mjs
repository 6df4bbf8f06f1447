// A strategy's units without concur's engine: spawned as the engine spawns them and fed by a minimal
// dispatch loop, so that what the strategy itself costs can be told from what the engine adds. Used by the
// probes, each in a fresh process.

/** Spawn `count` units of `strategy` for `task`, as the engine does: one progress board, one spec each. */
export async function spawnUnits(core, strategy, task, count, inFlight = 1) {
  const board = core.ProgressCell.board(count);
  const specs = Array.from({ length: count }, (_, unit) => ({
    unit,
    task,
    progress: new core.ProgressCell(board, unit),
    inFlight,
    options: inFlight > 1 ? { inFlight } : {},
    output: () => {},
  }));
  return Promise.all(specs.map((spec) => strategy.spawn(spec)));
}

/** The engine's dynamic dispatch in miniature: `inFlight` lanes per unit, each taking the next item when free. */
export async function feed(units, inputs, inFlight = 1) {
  let next = 0;
  let failed = 0;
  const lane = async (unit) => {
    while (next < inputs.length) {
      const index = next++;
      const outcome = await unit.run({ index, input: inputs[index] });
      if (!outcome.ok) failed += 1;
    }
  };
  await Promise.all(units.flatMap((unit) => Array.from({ length: inFlight }, () => lane(unit))));
  if (failed > 0) throw new Error(`${failed} items failed; the figures would be void`);
}
