// Helpers every benchmark of this package uses: spawning slots and the engine-like dispatch loop.
import { ProgressCell } from '@concur/core';

export const taskUrl = (file) => new URL(`./tasks/${file}`, import.meta.url).href;

/** Spawn `count` slots of `strategy` for `task`, as the engine does: one progress board, one spec each. */
export async function spawnSlots(strategy, task, count) {
  const board = ProgressCell.board(count);
  const specs = Array.from({ length: count }, (_, unit) => ({
    unit,
    task,
    progress: new ProgressCell(board, unit),
    inFlight: 1,
    options: {},
    output: () => {},
  }));
  return Promise.all(specs.map((spec) => strategy.spawn(spec)));
}

/** The engine's dynamic dispatch in miniature: each unit takes the next item as soon as it is free. */
export async function dispatch(units, inputs) {
  let next = 0;
  let failed = 0;
  const feed = async (unit) => {
    while (next < inputs.length) {
      const index = next++;
      const outcome = await unit.run({ index, input: inputs[index] });
      if (!outcome.ok) failed += 1;
    }
  };
  await Promise.all(units.map(feed));
  if (failed > 0) throw new Error(`${failed} items failed; the benchmark is void`);
}

export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
