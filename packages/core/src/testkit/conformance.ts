import { describe, it } from 'vitest';
import type { Strategy } from '../contract/strategy.js';
import { type ConformanceOptions, conformanceChecks } from './checks.js';

/**
 * The conformance suite: every promise of the Unit contract, checked against real units of the strategy.
 * A strategy that passes is correct, not merely well-shaped. Call it at the top level of a vitest file:
 *
 *     strategyConformance(() => import('../src/index.js').then((m) => m.default), {
 *       options: { inFlight: 4 },          // strategy options for every spawn
 *       supports: { captureOutput: false }, // what the strategy cannot do by design; each `false` skips checks
 *       tasks: { echo: pythonEcho },        // for units of another runtime: twins of `fixtureTasks`
 *     });
 *
 * - `options` go to every spawn; with `itemsInFlight(options)` of 2 or more, the checks that need several
 *   items in flight on one unit run too (they are skipped, saying so, at 1).
 * - `supports` (see `Supports`) turns off what a strategy cannot do by design: `killBusyLoop`,
 *   `processExit`, `captureOutput`, `clonesValues`.
 * - `tasks` replaces fixture tasks by reference, for units that do not run Node.js modules (a Python
 *   interpreter, a job queue's workers): each twin must behave exactly as its namesake in `fixtureTasks`
 *   is documented to, with the same inputs and outputs. Fixtures not given stay the Node.js ones.
 *
 * Every check has its own bound and, when a wait runs out, says what it waited for. The same checks are
 * available as data from `conformanceChecks`, to run one directly.
 */
export function strategyConformance(
  load: () => Strategy | Promise<Strategy>,
  options: ConformanceOptions = {},
): void {
  describe('strategy conformance', async () => {
    for (const check of await conformanceChecks(load, options)) {
      if (check.skip) it.skip(`${check.name} (skipped: ${check.skip})`, () => {});
      else it(check.name, () => check.run(), check.timeoutMs);
    }
  });
}
