// Every check of the conformance suite can fail: each is run against a strategy broken in exactly the way
// it looks for (fixtures/broken-strategies), and must reject, naming what was broken.
import { afterEach, describe, expect, it } from 'vitest';
import type { Strategy } from '../src/index.js';
import { type ConformanceCheck, conformanceChecks } from '../src/testkit/index.js';
import { brokenStrategies } from './fixtures/broken-strategies/index.js';
import { referenceStrategy, terminateAllWorkers } from './fixtures/reference/reference-strategy.js';

// Several items in flight per unit, so that no check is skipped.
const options = { inFlight: 3 };

/** [broken strategy, the start of the check's name, what its failure must say] */
const cases: [string, string, RegExp][] = [
  ['no-pros-or-cons', 'has the shape of a strategy', /traits must name at least one pro or con/],
  ['empty-id', 'spawns a ready unit with an id', /unit\.id must not be empty/],
  ['runs-items-twice', 'delivers every item exactly once', /how often the task really ran item \d+/],
  ['setup-each-item', 'runs setup once per unit', /how often setup had run/],
  ['dies-after-task-error', 'returns a task error as a value', /the unit must run the next item/],
  ['drops-progress', 'makes progress visible', /progress cell did not reach 0\.5 within 2 s/],
  ['one-unit-at-a-time', 'runs items on different units at the same time', /must overlap in time/],
  ['service-ms-zero', 'measures serviceMs', /task waited 200 ms was 0;/],
  ['service-ms-in-microseconds', 'measures serviceMs', /task waited 200 ms was 2\d{5}\./],
  [
    'rejects-uncloneable-input',
    'fails an input that cannot be cloned',
    /run\(\) of item 1 threw or rejected/,
  ],
  [
    'uncloneable-output-ends-unit-silently',
    'fails an output that cannot be cloned',
    /in flight beside the uncloneable output|must say so with error\.unitGone/,
  ],
  ['kill-never-resolves', 'kills a unit whose items never settle', /kill\(\) did not resolve within 3 s/],
  [
    'kill-leaves-thread-running',
    'kills a unit stuck in a busy loop',
    /still running 1\.5 s after kill\(\) resolved/,
  ],
  [
    'polite-kill',
    'kills a unit stuck in a busy loop',
    /kill\(\) did not resolve within 3 s .* spins without yielding/,
  ],
  [
    'close-leaves-items-pending',
    'close() with items in flight',
    /item \d got no outcome within 2 s after close\(\) resolved/,
  ],
  ['close-skips-teardown', 'close() runs the task’s teardown', /teardown had not written/],
  [
    'close-waits-forever',
    'close() ends a unit whose teardown never settles',
    /close\(\) did not resolve within 10 s although the task’s teardown never settles/,
  ],
  [
    'run-after-close-hangs',
    'run() on a closing or closed unit',
    /handed to a clos(ing|ed) unit got no outcome within 1 s/,
  ],
  [
    'zero-service-ms-when-never-ran',
    'gives serviceMs NaN',
    /has serviceMs 0; an item that never ran has serviceMs NaN/,
  ],
  [
    'exited-never-settles',
    'reports a unit that dies on its own through exited',
    /exited did not settle within 5 s after the task called process\.exit\(3\)/,
  ],
  [
    'death-fails-only-one-item',
    'fails every item in flight as unit-exited',
    /item [12] in flight on a unit that died got no outcome within 5 s/,
  ],
  ['loses-settled-results', 'reports the result a task settled', /must still be reported/],
  ['drops-output', 'captures what a task prints', /did not reach spec\.output within 2 s/],
  ['negative-figures', 'samples figures of the documented shape', /cpuUserMs = -1/],
];

const find = (checks: ConformanceCheck[], start: string): ConformanceCheck => {
  const found = checks.find((c) => c.name.startsWith(start));
  if (!found) throw new Error(`no check of the suite starts with "${start}"`);
  return found;
};

// A broken unit may leave its worker running (a kill that does not kill): end them all between cases.
afterEach(terminateAllWorkers);

describe('each broken strategy fails the check that looks for what it breaks', async () => {
  for (const [name, start, says] of cases) {
    const strategy = brokenStrategies[name] as Strategy;
    const check = find(await conformanceChecks(() => strategy, { options }), start);
    it(
      `${name}: "${check.name}" fails`,
      async () => {
        expect(check.skip).toBeUndefined();
        await expect(check.run()).rejects.toThrow(says);
      },
      check.timeoutMs + 1_000,
    );
  }
});

describe('the checks themselves', async () => {
  const checks = await conformanceChecks(() => referenceStrategy(), { options });

  it('each has a broken strategy that fails it, and none is skipped with nothing turned off', () => {
    expect(checks.filter((c) => c.skip)).toEqual([]);
    const caught = new Set(cases.map(([, start]) => find(checks, start).name));
    expect(checks.map((c) => c.name).filter((name) => !caught.has(name))).toEqual([]);
    expect(Object.keys(brokenStrategies).sort()).toEqual(cases.map(([name]) => name).sort());
  });

  it('skip, by name, what `supports` turns off and what needs several items in flight', async () => {
    const skipped = await conformanceChecks(() => referenceStrategy(), {
      supports: { killBusyLoop: false, processExit: false, captureOutput: false, clonesValues: false },
    });
    expect(skipped.filter((c) => c.skip).map((c) => c.skip)).toEqual([
      'supports.clonesValues is false',
      'supports.clonesValues is false',
      'supports.killBusyLoop is false',
      'supports.processExit is false',
      'supports.processExit is false',
      'supports.processExit is false',
      'supports.captureOutput is false',
    ]);
    const single = await conformanceChecks(() => referenceStrategy());
    expect(single.filter((c) => c.skip).map((c) => c.skip)).toEqual([
      expect.stringContaining('takes one item per unit at a time (itemsInFlight 1)'),
    ]);
  });

  it('passes a unit whose not-cloneable output ends it, when the failure says unitGone', async () => {
    const flagged = referenceStrategy('unit-gone-flagged', { uncloneableOutputEndsUnit: 'flagged' });
    const check = find(
      await conformanceChecks(() => flagged, { options }),
      'fails an output that cannot be cloned',
    );
    await check.run();
  }, 20_000);

  it('runs twins of the fixture tasks given as `tasks`', async () => {
    const twin = new URL('./fixtures/tasks/echo-twin.mjs', import.meta.url).href;
    const withTwin = await conformanceChecks(() => referenceStrategy(), { tasks: { throws: twin } });
    await expect(find(withTwin, 'returns a task error as a value').run()).rejects.toThrow(/boom-42/);
  }, 20_000);
});
