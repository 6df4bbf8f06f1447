/**
 * The checks of the conformance suite, as data: `strategyConformance` turns each into a vitest `it`, and a
 * test can run one directly (`await check.run()` rejects with what the strategy broke). Every promise of
 * the Unit contract has a check, and every check can fail: each one is proved against a strategy broken in
 * exactly the way it looks for (see core's own tests).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Outcome, Strategy, Unit, UnitSample, WorkItem } from '../contract/strategy.js';
import { strategyShapeProblem } from '../contract/strategy.js';
import { type FixtureTasks, fixtureTasks } from './fixtures.js';
import { makeSpec, type RecordedSpec } from './make-spec.js';
import { duration, pause, pollUntil, waitFor } from './wait.js';

/** What a strategy cannot do, by design. Each `false` skips the matching checks and says why in their names. */
export interface Supports {
  /** A unit can be killed while its task spins in a loop that never yields (false for in-process slots). */
  killBusyLoop?: boolean;
  /**
   * A task can end its own unit — `process.exit`, an uncaught exception — and the unit reports it while the
   * engine's process lives on (false for in-process slots, where either would end the engine's process).
   */
  processExit?: boolean;
  /** What a task prints is captured per unit and handed to `spec.output`. */
  captureOutput?: boolean;
  /**
   * Inputs and outputs cross to and from the unit by structured clone, so a value that cannot be cloned
   * fails its item as `not-cloneable` (false where units share the engine's heap and values pass as they are).
   */
  clonesValues?: boolean;
}

export interface ConformanceOptions {
  /** Strategy options passed to every spawn. */
  options?: Record<string, unknown>;
  supports?: Supports;
  /**
   * Task references to use instead of the Node.js fixtures, for units of another runtime (a Python
   * interpreter, a job queue's workers). Each must behave as its namesake in `fixtureTasks` describes.
   */
  tasks?: Partial<FixtureTasks>;
}

/** One check of the suite. */
export interface ConformanceCheck {
  /** What the strategy must do, as a sentence. */
  readonly name: string;
  /** Why this check does not apply to the strategy (a `supports` key, too few items in flight), if it does not. */
  readonly skip?: string;
  /** A bound on `run()`, larger than the sum of its own waits. */
  readonly timeoutMs: number;
  /** Resolves when the strategy keeps the promise; rejects with what it broke. Ends every unit it started. */
  run(): Promise<void>;
}

// Bounds. Each is generous for a correct unit on a loaded machine and short enough to name a broken one.
const SPAWN_MS = 10_000;
/** A graceful close, including a forced end after the strategy's own grace period. */
const CLOSE_MS = 10_000;
const KILL_MS = 3_000;
/** One item of quick work. */
const ITEM_MS = 5_000;
/** Forty of them, across two units. */
const ITEMS_MS = 20_000;
/** An outcome that must follow a kill, a close or a death at once. */
const SETTLE_MS = 2_000;
/** `run()` on a unit that takes no more items. */
const REFUSE_MS = 1_000;
const EXIT_MS = 5_000;
const SAMPLE_MS = 2_000;
/** After a forced end, how long a task may still prove it is alive… */
const STOP_MS = 1_500;
/** …and how long its heartbeat must stay still to count as stopped. */
const QUIET_MS = 300;
/** What a check spends after its body: killing what it started. */
const CLEANUP_MS = KILL_MS + 1_000;
/** Scheduling slack on top of a check's waits. */
const SLACK_MS = 2_000;

/**
 * The suite's checks for one strategy. Loads the strategy once to see how many items a unit takes at
 * once (`itemsInFlight(options)`): checks that need several in flight are skipped, saying so, when it is 1.
 */
export async function conformanceChecks(
  load: () => Strategy | Promise<Strategy>,
  { options = {}, supports = {}, tasks: given = {} }: ConformanceOptions = {},
): Promise<ConformanceCheck[]> {
  const { killBusyLoop = true, processExit = true, captureOutput = true, clonesValues = true } = supports;
  const tasks: FixtureTasks = { ...fixtureTasks, ...given };
  const inFlight = itemsInFlight(await load(), options);
  const lab = () => new Lab(load, options, inFlight);
  const check = (
    name: string,
    waitsMs: number,
    body: (lab: Lab) => Promise<void>,
    skip?: string | false,
  ): ConformanceCheck => ({
    name,
    ...(skip ? { skip } : {}),
    timeoutMs: waitsMs + CLEANUP_MS + SLACK_MS,
    run: () => lab().around(body),
  });
  const unsupported = (key: keyof Supports, on: boolean) => !on && `supports.${key} is false`;
  const several =
    inFlight < 2 &&
    `the strategy takes one item per unit at a time (itemsInFlight ${inFlight}); run the suite with options that allow several`;

  return [
    check('has the shape of a strategy', 0, async () => {
      const strategy = await load();
      expect(strategyShapeProblem(strategy), 'strategyShapeProblem').toBeUndefined();
      expect(strategy.defaultConcurrency(4), 'defaultConcurrency(4)').toBeGreaterThanOrEqual(1);
      expect(
        strategy.traits.pros.length + strategy.traits.cons.length,
        'traits must name at least one pro or con',
      ).toBeGreaterThan(0);
    }),

    check('spawns a ready unit with an id and closes it', SPAWN_MS + CLOSE_MS, async (lab) => {
      const { unit } = await lab.spawn(tasks.echo);
      expect(typeof unit.id, 'unit.id').toBe('string');
      expect(unit.id.length, 'unit.id must not be empty').toBeGreaterThan(0);
      await lab.close(unit);
    }),

    check(
      'delivers every item exactly once, each with the echo of its own input, across units',
      SPAWN_MS + ITEMS_MS + CLOSE_MS,
      async (lab) => {
        const log = join(lab.tempDir(), 'calls.log');
        const units = await Promise.all([0, 1].map((slot) => lab.spawn(tasks.logsCalls, slot)));
        const inputs = Array.from({ length: 40 }, (_, n) => ({
          log,
          n,
          text: `item ${n}`,
          list: [n, n * 2],
        }));
        const outcomes: Outcome[] = [];
        let next = 0;
        const feed = async (unit: Unit) => {
          for (let index = next++; index < inputs.length; index = next++)
            outcomes[index] = await settled(start(unit, { index, input: inputs[index] }));
        };
        await waitFor(
          Promise.all(units.flatMap(({ unit }) => Array.from({ length: inFlight }, () => feed(unit)))),
          ITEMS_MS,
          `${inputs.length} items of quick work on two units did not all get an outcome within ${duration(ITEMS_MS)}`,
        );
        inputs.forEach((input, index) => {
          const outcome = outcomes[index];
          expectOutcome(outcome, `the outcome of item ${index}`).toMatchObject({ ok: true });
          if (outcome?.ok)
            expect(outcome.value, `item ${index} must get the echo of its own input`).toEqual(input);
          expect(
            validServiceMs(outcome?.serviceMs),
            `serviceMs of item ${index} = ${outcome?.serviceMs}`,
          ).toBe(true);
        });
        await lab.close(units.map((u) => u.unit));
        const runs = new Map<number, number>();
        for (const line of readFileSync(log, 'utf8').split('\n').filter(Boolean))
          runs.set(Number(line), (runs.get(Number(line)) ?? 0) + 1);
        for (const index of inputs.keys())
          expect(runs.get(index) ?? 0, `how often the task really ran item ${index}`).toBe(1);
      },
    ),

    check('runs setup once per unit', SPAWN_MS + 3 * ITEM_MS + CLOSE_MS, async (lab) => {
      const { unit } = await lab.spawn(tasks.setupCount);
      for (let index = 0; index < 3; index += 1)
        expectOutcome(
          await settled(start(unit, { index, input: null })),
          `item ${index}: how often setup had run`,
        ).toMatchObject({ ok: true, value: 1 });
      await lab.close(unit);
    }),

    check(
      'returns a task error as a value, and the unit runs the next item',
      SPAWN_MS + 2 * ITEM_MS + CLOSE_MS,
      async (lab) => {
        const { unit } = await lab.spawn(tasks.throws);
        const first = await settled(start(unit, { index: 0, input: 'boom-42' }));
        expectOutcome(first, 'a task that throws fails its item as `threw`').toMatchObject({
          ok: false,
          error: { kind: 'threw', message: expect.stringContaining('boom-42') },
        });
        const again = await settled(start(unit, { index: 1, input: 'second' }));
        expectOutcome(
          again,
          'after a task error the unit must run the next item (which throws "second")',
        ).toMatchObject({
          ok: false,
          error: { kind: 'threw', message: expect.stringContaining('second') },
        });
        await lab.close(unit);
      },
    ),

    check(
      'makes progress visible in the spawn spec’s progress cell',
      SPAWN_MS + 2_000 + ITEM_MS + CLOSE_MS,
      async (lab) => {
        const { unit, spec } = await lab.spawn(tasks.progress);
        const running = start(unit, { index: 0, input: { ms: 600 } });
        await pollUntil(
          () => spec.progress.get() >= 0.49,
          2_000,
          `the spec's progress cell did not reach 0.5 within ${duration(2_000)} of the task calling ctx.progress(0.5) (it reads ${spec.progress.get()})`,
        );
        expect(spec.progress.get(), 'the progress cell').toBeCloseTo(0.5, 2);
        expectOutcome(await settled(running), 'the item that reported progress').toMatchObject({ ok: true });
        await lab.close(unit);
      },
    ),

    check('runs items on different units at the same time', SPAWN_MS + ITEM_MS + CLOSE_MS, async (lab) => {
      const units = await Promise.all([0, 1].map((slot) => lab.spawn(tasks.interval, slot)));
      const outcomes = await Promise.all(
        units.map(({ unit }, index) => settled(start(unit, { index, input: { ms: 400 } }))),
      );
      const spans = outcomes.map((o, index) => {
        expectOutcome(o, `item ${index}`).toMatchObject({ ok: true });
        return o.ok ? (o.value as { start: number; end: number }) : { start: 0, end: 0 };
      });
      const [a, b] = spans as [{ start: number; end: number }, { start: number; end: number }];
      expect(
        Math.max(a.start, b.start) < Math.min(a.end, b.end),
        `two 400 ms items on two units must overlap in time: ${JSON.stringify(spans)}`,
      ).toBe(true);
      await lab.close(units.map((u) => u.unit));
    }),

    check(
      'measures serviceMs around the task’s own run: 200 ms of waiting reads 150–2000 ms',
      SPAWN_MS + ITEM_MS + CLOSE_MS,
      async (lab) => {
        const { unit } = await lab.spawn(tasks.interval);
        const outcome = await settled(start(unit, { index: 0, input: { ms: 200 } }));
        expectOutcome(outcome, 'an item that waits 200 ms').toMatchObject({ ok: true });
        expect(
          outcome.serviceMs >= 150 && outcome.serviceMs <= 2_000,
          `serviceMs of an item whose task waited 200 ms was ${outcome.serviceMs}; it must be the task's run time in milliseconds`,
        ).toBe(true);
        await lab.close(unit);
      },
    ),

    check(
      'fails an input that cannot be cloned alone, as not-cloneable, and the unit runs the next item',
      SPAWN_MS + 2 * ITEM_MS + CLOSE_MS,
      async (lab) => {
        const { unit } = await lab.spawn(tasks.echo);
        // With several in flight, the bad input travels beside good ones handed over in the same turn.
        const inputs: unknown[] = Array.from({ length: Math.min(inFlight, 3) }, (_, i) => `fine ${i}`);
        const bad = inputs.length > 1 ? 1 : 0;
        inputs[bad] = { callback: () => 1 };
        const outcomes = await Promise.all(
          inputs.map((input, index) => start(unit, { index, input })).map((r) => settled(r)),
        );
        for (const [index, outcome] of outcomes.entries())
          expectOutcome(
            outcome,
            `item ${index}${index === bad ? ', whose input holds a function' : ''}`,
          ).toMatchObject(
            index === bad
              ? { ok: false, error: { kind: 'not-cloneable' } }
              : { ok: true, value: inputs[index] },
          );
        expectOutcome(
          await settled(start(unit, { index: inputs.length, input: 'next' })),
          'the item after a not-cloneable input',
        ).toMatchObject({ ok: true, value: 'next' });
        await lab.close(unit);
      },
      unsupported('clonesValues', clonesValues),
    ),

    check(
      'fails an output that cannot be cloned as not-cloneable; the unit then runs the next item, or its failure says unitGone',
      SPAWN_MS + 2 * ITEM_MS + CLOSE_MS,
      async (lab) => {
        const { unit } = await lab.spawn(tasks.returnsUncloneable);
        const inputs = Array.from({ length: Math.min(inFlight, 3) }, (_, i) => `fine ${i}`);
        const bad = inputs.length > 1 ? 1 : 0;
        inputs[bad] = 'function';
        const outcomes = await Promise.all(
          inputs.map((input, index) => start(unit, { index, input })).map((r) => settled(r)),
        );
        const failure = outcomes[bad];
        expectOutcome(failure, `item ${bad}, whose task returns a function`).toMatchObject({
          ok: false,
          error: { kind: 'not-cloneable' },
        });
        const gone = failure?.ok === false && failure.error.unitGone === true;
        outcomes.forEach((outcome, index) => {
          if (index === bad) return;
          // A unit that the bad output ended may fail its other items in flight with it.
          if (gone && !outcome.ok && outcome.error.kind === 'unit-exited') return;
          expectOutcome(outcome, `item ${index}, in flight beside the uncloneable output`).toMatchObject({
            ok: true,
            value: inputs[index],
          });
        });
        if (gone) return;
        expectOutcome(
          await settled(start(unit, { index: inputs.length, input: 'next' })),
          'the item after a not-cloneable output: a unit that cannot go on must say so with error.unitGone === true on that failure',
        ).toMatchObject({ ok: true, value: 'next' });
        await lab.close(unit);
      },
      unsupported('clonesValues', clonesValues),
    ),

    check(
      'kills a unit whose items never settle: kill() resolves and every item fails as killed',
      SPAWN_MS + 100 + KILL_MS + inFlight * SETTLE_MS,
      async (lab) => {
        const { unit } = await lab.spawn(tasks.neverSettles);
        const running = Array.from({ length: inFlight }, (_, index) => start(unit, { index, input: null }));
        await pause(100);
        await lab.kill(unit, 'on a unit whose items never settle');
        for (const [index, item] of running.entries())
          expectOutcome(
            await settled(item, SETTLE_MS, 'after kill() resolved'),
            `item ${index}`,
          ).toMatchObject({
            ok: false,
            error: { kind: 'killed' },
          });
      },
    ),

    check(
      'kills a unit stuck in a busy loop promptly, and its task really stops',
      SPAWN_MS + ITEM_MS + KILL_MS + SETTLE_MS + STOP_MS,
      async (lab) => {
        const file = join(lab.tempDir(), 'heartbeat');
        const { unit } = await lab.spawn(tasks.heartbeat);
        const running = start(unit, { index: 0, input: { file } });
        await pollUntil(
          () => existsSync(file),
          ITEM_MS,
          `the busy task did not start within ${duration(ITEM_MS)}: its heartbeat file ${file} never appeared`,
        );
        await lab.kill(unit, 'on a unit whose task spins without yielding');
        expectOutcome(
          await settled(running, SETTLE_MS, 'after kill() resolved'),
          'the busy item',
        ).toMatchObject({
          ok: false,
          error: { kind: 'killed' },
        });
        await stopsBeating(file, 'kill() resolved');
      },
      unsupported('killBusyLoop', killBusyLoop),
    ),

    check(
      'close() with items in flight resolves, and they fail as killed',
      SPAWN_MS + 100 + CLOSE_MS + inFlight * SETTLE_MS,
      async (lab) => {
        const { unit } = await lab.spawn(tasks.neverSettles);
        const running = Array.from({ length: inFlight }, (_, index) => start(unit, { index, input: null }));
        await pause(100);
        await lab.close(unit, 'with items in flight that never settle');
        for (const [index, item] of running.entries())
          expectOutcome(
            await settled(item, SETTLE_MS, 'after close() resolved'),
            `item ${index}`,
          ).toMatchObject({
            ok: false,
            error: { kind: 'killed' },
          });
      },
    ),

    check(
      'close() runs the task’s teardown before it resolves',
      SPAWN_MS + ITEM_MS + CLOSE_MS,
      async (lab) => {
        const dir = lab.tempDir();
        const { unit } = await lab.spawn(tasks.teardownMarker);
        expectOutcome(await settled(start(unit, { index: 0, input: { dir } })), 'item 0').toMatchObject({
          ok: true,
        });
        await lab.close(unit);
        const marker = join(dir, 'teardown-0');
        expect(
          existsSync(marker),
          `close() resolved, but the task's teardown had not written ${marker}`,
        ).toBe(true);
      },
    ),

    check(
      'close() ends a unit whose teardown never settles, after its grace period',
      SPAWN_MS + ITEM_MS + CLOSE_MS + STOP_MS + REFUSE_MS,
      async (lab) => {
        const dir = lab.tempDir();
        const { unit } = await lab.spawn(tasks.teardownHangs);
        expectOutcome(await settled(start(unit, { index: 0, input: { dir } })), 'item 0').toMatchObject({
          ok: true,
        });
        await lab.close(
          unit,
          'although the task’s teardown never settles; a close must end the unit by force after its grace period',
        );
        // Where a unit can be stopped from outside, the hanging teardown must have been stopped with it.
        if (killBusyLoop) await stopsBeating(join(dir, 'teardown-heartbeat'), 'close() resolved');
        expectOutcome(
          await settled(start(unit, { index: 1, input: { dir } }), REFUSE_MS, 'on the closed unit'),
          'run() on a unit that close() ended',
        ).toMatchObject({ ok: false });
      },
    ),

    check(
      'run() on a closing or closed unit resolves at once as a killed failure',
      SPAWN_MS + ITEM_MS + 2 * REFUSE_MS + CLOSE_MS,
      async (lab) => {
        const { unit } = await lab.spawn(tasks.echo);
        expectOutcome(await settled(start(unit, { index: 0, input: 'first' })), 'item 0').toMatchObject({
          ok: true,
        });
        const closing = begin(() => unit.close(), 'close()');
        expectOutcome(
          await settled(start(unit, { index: 1, input: 'late' }), REFUSE_MS, 'handed to a closing unit'),
          'run() on a closing unit',
        ).toMatchObject({ ok: false, error: { kind: 'killed' } });
        await waitFor(closing, CLOSE_MS, `close() did not resolve within ${duration(CLOSE_MS)}`);
        expectOutcome(
          await settled(start(unit, { index: 2, input: 'later' }), REFUSE_MS, 'handed to a closed unit'),
          'run() on a closed unit',
        ).toMatchObject({ ok: false, error: { kind: 'killed' } });
      },
    ),

    check(
      'gives serviceMs NaN, not 0, to items that never ran',
      2 * SPAWN_MS + KILL_MS + inFlight * SETTLE_MS + ITEM_MS + CLOSE_MS + REFUSE_MS,
      async (lab) => {
        const why =
          "an item that never ran has serviceMs NaN: a 0 would pull the run's service-time median toward 0";
        const killed = await lab.spawn(tasks.neverSettles);
        // Handed over and killed in the same turn: the unit cannot have run them, unless it runs items inside run().
        const running = Array.from({ length: inFlight }, (_, index) =>
          start(killed.unit, { index, input: null }),
        );
        await lab.kill(killed.unit, 'in the turn its items were handed over');
        for (const [index, item] of running.entries()) {
          const outcome = await settled(item, SETTLE_MS, 'after kill() resolved');
          expectOutcome(outcome, `item ${index}`).toMatchObject({ ok: false });
          expect(
            Number.isNaN(outcome.serviceMs) || outcome.serviceMs > 0,
            `item ${index}, killed in the turn it was handed over, has serviceMs ${outcome.serviceMs}; ${why}`,
          ).toBe(true);
        }
        const { unit } = await lab.spawn(tasks.echo, 1);
        expectOutcome(await settled(start(unit, { index: 0, input: 'first' })), 'item 0').toMatchObject({
          ok: true,
        });
        await lab.close(unit);
        const refused = await settled(
          start(unit, { index: 1, input: 'late' }),
          REFUSE_MS,
          'handed to a closed unit',
        );
        expectOutcome(refused, 'run() on a closed unit').toMatchObject({ ok: false });
        expect(
          Number.isNaN(refused.serviceMs),
          `an item handed to a closed unit has serviceMs ${refused.serviceMs}; ${why}`,
        ).toBe(true);
      },
    ),

    check(
      'reports a unit that dies on its own through exited, and fails its item as unit-exited',
      SPAWN_MS + 2 * EXIT_MS,
      async (lab) => {
        const { unit } = await lab.spawn(tasks.exit);
        expectOutcome(
          await settled(start(unit, { index: 0, input: 3 }), EXIT_MS, 'whose task called process.exit(3)'),
          'the item of a unit that died',
        ).toMatchObject({ ok: false, error: { kind: 'unit-exited' } });
        const exit = await waitFor(
          unit.exited,
          EXIT_MS,
          `exited did not settle within ${duration(EXIT_MS)} after the task called process.exit(3)`,
        );
        expect(exit.code, 'exited.code').toBe(3);
        expect(exit.reason.length, 'exited.reason must say how the unit ended').toBeGreaterThan(0);
      },
      unsupported('processExit', processExit),
    ),

    check(
      'fails every item in flight as unit-exited when its unit dies, and exited settles',
      SPAWN_MS + 2 * EXIT_MS,
      async (lab) => {
        const { unit } = await lab.spawn(tasks.exit);
        // Item 0 ends the unit after 200 ms; the others are still waiting then.
        const running = Array.from({ length: inFlight }, (_, index) =>
          start(unit, { index, input: { code: 3, afterMs: index === 0 ? 200 : 30_000 } }),
        );
        const outcomes = await Promise.all(
          running.map((item) => settled(item, EXIT_MS, 'in flight on a unit that died')),
        );
        for (const [index, outcome] of outcomes.entries())
          expectOutcome(outcome, `item ${index}, in flight when its unit died`).toMatchObject({
            ok: false,
            error: { kind: 'unit-exited' },
          });
        const exit = await waitFor(
          unit.exited,
          EXIT_MS,
          `exited did not settle within ${duration(EXIT_MS)} after the task called process.exit(3) with ${inFlight} items in flight`,
        );
        expect(exit.code, 'exited.code').toBe(3);
      },
      unsupported('processExit', processExit) || several,
    ),

    check(
      'reports the result a task settled just before an uncaught exception ended its unit',
      SPAWN_MS + ITEM_MS,
      async (lab) => {
        const { unit } = await lab.spawn(tasks.answersThenThrows);
        expectOutcome(
          await settled(
            start(unit, { index: 0, input: 'answer' }),
            ITEM_MS,
            'whose task answered, then threw uncaught',
          ),
          'a result settled in the turn an uncaught exception ended the unit must still be reported',
        ).toMatchObject({ ok: true, value: 'answer' });
      },
      unsupported('processExit', processExit),
    ),

    check(
      'captures what a task prints and attributes it to the unit',
      SPAWN_MS + ITEM_MS + 2_000 + CLOSE_MS,
      async (lab) => {
        const { unit, spec } = await lab.spawn(tasks.prints);
        expectOutcome(await settled(start(unit, { index: 0, input: 'hello-7' })), 'item 0').toMatchObject({
          ok: true,
          value: 'hello-7',
        });
        const seen = () => spec.printed.map((p) => `${p.stream}:${p.text}`).join('');
        await pollUntil(
          () => seen().includes('stdout:out:hello-7') && seen().includes('stderr:err:hello-7'),
          2_000,
          `what the task printed did not reach spec.output within ${duration(2_000)} (it holds ${JSON.stringify(seen())})`,
        );
        await lab.close(unit);
      },
      unsupported('captureOutput', captureOutput),
    ),

    check(
      'samples figures of the documented shape, also after close',
      SPAWN_MS + ITEM_MS + 2 * SAMPLE_MS + CLOSE_MS,
      async (lab) => {
        const { unit } = await lab.spawn(tasks.echo);
        expectOutcome(await settled(start(unit, { index: 0, input: 1 })), 'item 0').toMatchObject({
          ok: true,
        });
        const sample = (when: string) =>
          waitFor(
            begin(() => unit.sample(), 'sample()'),
            SAMPLE_MS,
            `sample() ${when} did not answer within ${duration(SAMPLE_MS)}`,
          );
        checkSample(await sample('on an open unit'));
        await lab.close(unit);
        checkSample(await sample('after close'));
      },
    ),
  ];
}

function itemsInFlight(strategy: Strategy, options: Record<string, unknown>): number {
  try {
    const n = strategy.itemsInFlight?.(options) ?? 1;
    return Number.isInteger(n) && n >= 1 ? n : 1;
  } catch {
    return 1;
  }
}

/** The units, spawn specs and temporary folders of one check run; `around` ends them whatever happened. */
class Lab {
  private readonly units: Unit[] = [];
  private readonly dirs: string[] = [];
  /** Units whose kill() already failed or ran out of time: the cleanup does not wait for them again. */
  private readonly unkillable = new Set<Unit>();

  constructor(
    private readonly load: () => Strategy | Promise<Strategy>,
    private readonly options: Record<string, unknown>,
    private readonly inFlight: number,
  ) {}

  async around(body: (lab: Lab) => Promise<void>): Promise<void> {
    try {
      await body(this);
    } finally {
      await this.cleanup();
    }
  }

  async spawn(task: string, slot = 0): Promise<{ unit: Unit; spec: RecordedSpec }> {
    const strategy = await this.load();
    const spec = makeSpec(task, { unit: slot, options: this.options, inFlight: this.inFlight });
    const unit = await waitFor(
      begin(() => strategy.spawn(spec), 'spawn()'),
      SPAWN_MS,
      `spawn() did not resolve within ${duration(SPAWN_MS)} (task ${task})`,
    );
    this.units.push(unit);
    return { unit, spec };
  }

  tempDir(): string {
    const dir = mkdtempSync(join(tmpdir(), 'concur-conformance-'));
    this.dirs.push(dir);
    return dir;
  }

  async close(units: Unit | Unit[], when?: string): Promise<void> {
    await waitFor(
      Promise.all([units].flat().map((unit) => begin(() => unit.close(), 'close()'))),
      CLOSE_MS,
      `close() did not resolve within ${duration(CLOSE_MS)}${when ? ` ${when}` : ''}`,
    );
  }

  async kill(unit: Unit, when: string): Promise<void> {
    try {
      await waitFor(
        begin(() => unit.kill(), 'kill()'),
        KILL_MS,
        `kill() did not resolve within ${duration(KILL_MS)} of being called ${when}`,
      );
    } catch (error) {
      this.unkillable.add(unit);
      throw error;
    }
  }

  /** Kill every unit the check started (a no-op for those it ended), in a bounded time; never throws. */
  private async cleanup(): Promise<void> {
    const killing = this.units
      .filter((unit) => !this.unkillable.has(unit))
      .map((unit) => begin(() => unit.kill(), 'kill()').catch(() => {}));
    await Promise.race([Promise.all(killing), pause(CLEANUP_MS - 500)]);
    for (const dir of this.dirs) if (!removed(dir)) setTimeout(() => removed(dir), 2_000).unref();
  }
}

/** Remove a temporary folder; false if that failed (a task still running may write into it meanwhile). */
function removed(dir: string): boolean {
  try {
    rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
    return true;
  } catch {
    return false;
  }
}

/** Call now; a throw becomes a rejection that names the call, and no rejection goes unhandled meanwhile. */
function begin<T>(call: () => T | PromiseLike<T>, what: string): Promise<T> {
  let result: Promise<T>;
  try {
    result = Promise.resolve(call());
  } catch (error) {
    result = Promise.reject(error);
  }
  const named = result.catch((error: unknown) => {
    throw new Error(`${what} threw or rejected (${oneLine(error)}); it must resolve`);
  });
  named.catch(() => {});
  return named;
}

interface Running {
  readonly index: number;
  readonly outcome: Promise<Outcome>;
}

/** Hand an item to a unit now; wait for its outcome later with `settled`. */
function start(unit: Unit, item: WorkItem): Running {
  return { index: item.index, outcome: begin(() => unit.run(item), `run() of item ${item.index}`) };
}

/** Wait for an item's outcome; `when` says which item ("handed to a closed unit") or since when ("after …"). */
function settled(running: Running, ms = ITEM_MS, when = ''): Promise<Outcome> {
  const since = when.startsWith('after ');
  return waitFor(
    running.outcome,
    ms,
    `item ${running.index}${when && !since ? ` ${when}` : ''} got no outcome within ${duration(ms)}${since ? ` ${when}` : ''}`,
  );
}

/** Wait until the heartbeat file stops changing: the task that writes it is really gone. */
async function stopsBeating(file: string, after: string): Promise<void> {
  const read = () => (existsSync(file) ? readFileSync(file, 'utf8') : '');
  let last = read();
  let since = Date.now();
  await pollUntil(
    () => {
      const now = read();
      if (now !== last) {
        last = now;
        since = Date.now();
      }
      return Date.now() - since >= QUIET_MS;
    },
    STOP_MS,
    `the task was still running ${duration(STOP_MS)} after ${after}: its heartbeat file ${file} kept changing (the unit must really be stopped, not only its items failed)`,
  );
}

/** `expect` for an outcome, whose label also shows what the unit answered. */
function expectOutcome(outcome: Outcome | undefined, label: string) {
  return expect(outcome, `${label} (the unit answered ${seen(outcome)})`);
}

function seen(outcome: Outcome | undefined): string {
  if (!outcome) return 'nothing';
  const head = outcome.ok
    ? `ok, value ${preview(outcome.value)}`
    : `${outcome.error.kind}: ${outcome.error.message}${outcome.error.unitGone ? ' (unitGone)' : ''}`;
  return `${head}, serviceMs ${outcome.serviceMs}`;
}

function preview(value: unknown): string {
  try {
    const json = JSON.stringify(value);
    if (json !== undefined) return json.length > 80 ? `${json.slice(0, 80)}…` : json;
  } catch {
    // Circular or BigInt: fall through.
  }
  return String(value);
}

function validServiceMs(ms: number | undefined): boolean {
  return ms !== undefined && Number.isFinite(ms) && ms >= 0;
}

function checkSample(sample: UnitSample): void {
  expect(['process', 'thread', 'shared'], 'sample.scope').toContain(sample.scope);
  for (const key of [
    'cpuUserMs',
    'cpuSystemMs',
    'mainThreadCpuUserMs',
    'mainThreadCpuSystemMs',
    'rssBytes',
    'peakRssBytes',
    'heapUsedBytes',
    'loopDelayP50Ms',
    'loopDelayP99Ms',
  ] as const) {
    const value = sample[key];
    if (value !== undefined) expect(Number.isFinite(value) && value >= 0, `${key} = ${value}`).toBe(true);
  }
  const elu = sample.eventLoopUtilization;
  if (elu !== undefined) expect(elu >= 0 && elu <= 1, `eventLoopUtilization = ${elu}`).toBe(true);
}

function oneLine(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.split('\n')[0] ?? text;
}
