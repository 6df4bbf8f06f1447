import { describe, expect, it } from 'vitest';
import type { Outcome, Strategy, Unit, UnitSample } from '../contract/strategy.js';
import { strategyShapeProblem } from '../contract/strategy.js';
import { fixtureTasks } from './fixtures.js';
import { makeSpec } from './make-spec.js';

/** What a strategy cannot do, by design. Each `false` skips the matching check and says why in its name. */
export interface Supports {
  /** A unit can be killed while its task spins in a loop that never yields (false for in-process slots). */
  killBusyLoop?: boolean;
  /** A unit survives `process.exit` in a task as a detectable death (false for in-process slots). */
  processExit?: boolean;
  /** What a task prints is captured per unit and handed to `spec.output`. */
  captureOutput?: boolean;
}

export interface ConformanceOptions {
  /** Strategy options passed to every spawn. */
  options?: Record<string, unknown>;
  supports?: Supports;
}

const within = <T>(promise: Promise<T>, ms: number, what: string): Promise<T> =>
  Promise.race([
    promise,
    new Promise<T>((_, reject) =>
      setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms).unref(),
    ),
  ]);

/**
 * The conformance suite. Call it at the top level of a vitest file:
 *
 *     strategyConformance(() => import('../src/index.js').then((m) => m.default), { supports: { … } });
 */
export function strategyConformance(
  load: () => Strategy | Promise<Strategy>,
  { options = {}, supports = {} }: ConformanceOptions = {},
): void {
  const { killBusyLoop = true, processExit = true, captureOutput = true } = supports;
  const spawn = async (task: string, unit = 0) => {
    const strategy = await load();
    const spec = makeSpec(task, { unit, options, inFlight: strategy.itemsInFlight?.(options) ?? 1 });
    const started = await within(strategy.spawn(spec), 10_000, 'spawn');
    return { unit: started, spec };
  };
  const closeAll = (units: Unit[]) => Promise.all(units.map((u) => within(u.close(), 5_000, 'close')));

  describe('strategy conformance', () => {
    it('has the shape of a strategy', async () => {
      const strategy = await load();
      expect(strategyShapeProblem(strategy)).toBeUndefined();
      expect(strategy.defaultConcurrency(4)).toBeGreaterThanOrEqual(1);
      expect(strategy.traits.pros.length + strategy.traits.cons.length).toBeGreaterThan(0);
    });

    it('spawns a ready unit with an id and closes it', async () => {
      const { unit } = await spawn(fixtureTasks.echo);
      expect(typeof unit.id).toBe('string');
      expect(unit.id.length).toBeGreaterThan(0);
      await closeAll([unit]);
    });

    it('delivers every item once, with its own result, across units', async () => {
      const strategy = await load();
      const inFlight = strategy.itemsInFlight?.(options) ?? 1;
      const units = await Promise.all([0, 1].map((i) => spawn(fixtureTasks.echo, i).then((s) => s.unit)));
      const inputs = Array.from({ length: 40 }, (_, i) => ({ n: i, text: `item ${i}`, list: [i, i * 2] }));
      const results = new Map<number, Outcome>();
      let next = 0;
      const worker = async (unit: Unit) => {
        while (next < inputs.length) {
          const index = next++;
          const outcome = await unit.run({ index, input: inputs[index] });
          expect(results.has(index)).toBe(false);
          results.set(index, outcome);
        }
      };
      await Promise.all(units.flatMap((u) => Array.from({ length: inFlight }, () => worker(u))));
      expect(results.size).toBe(inputs.length);
      for (const [index, outcome] of results) {
        expect(outcome).toMatchObject({ ok: true, value: inputs[index] });
        expect(outcome.serviceMs).toBeGreaterThanOrEqual(0);
      }
      await closeAll(units);
    });

    it('runs setup once per unit', async () => {
      const { unit } = await spawn(fixtureTasks.setupCount);
      for (let index = 0; index < 3; index += 1)
        expect(await unit.run({ index, input: null })).toMatchObject({ ok: true, value: 1 });
      await closeAll([unit]);
    });

    it('returns a task error as a value and keeps the unit usable', async () => {
      const { unit } = await spawn(fixtureTasks.throws);
      const outcome = await unit.run({ index: 0, input: 'boom-42' });
      expect(outcome.ok).toBe(false);
      if (!outcome.ok) {
        expect(outcome.error.kind).toBe('threw');
        expect(outcome.error.message).toContain('boom-42');
      }
      const again = await unit.run({ index: 1, input: 'second' });
      expect(again.ok).toBe(false);
      await closeAll([unit]);
    });

    it('makes progress visible in the spawn spec’s progress cell', async () => {
      const { unit, spec } = await spawn(fixtureTasks.progress);
      const running = unit.run({ index: 0, input: { ms: 600 } });
      const deadline = Date.now() + 2_000;
      while (spec.progress.get() < 0.49 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(spec.progress.get()).toBeCloseTo(0.5, 2);
      expect(await running).toMatchObject({ ok: true });
      await closeAll([unit]);
    });

    it('runs items on different units at the same time', async () => {
      const units = await Promise.all([0, 1].map((i) => spawn(fixtureTasks.interval, i).then((s) => s.unit)));
      const outcomes = await Promise.all(units.map((u, index) => u.run({ index, input: { ms: 400 } })));
      const spans = outcomes.map((o) => (o.ok ? (o.value as { start: number; end: number }) : undefined));
      const [a, b] = spans;
      expect(a && b).toBeTruthy();
      if (a && b) expect(Math.max(a.start, b.start)).toBeLessThan(Math.min(a.end, b.end));
      await closeAll(units);
    });

    it.skipIf(!killBusyLoop)('kills a unit stuck in a busy loop promptly', async () => {
      const { unit } = await spawn(fixtureTasks.busyLoop);
      const running = unit.run({ index: 0, input: null });
      await new Promise((r) => setTimeout(r, 150));
      const started = Date.now();
      await within(unit.kill(), 3_000, 'kill');
      const outcome = await within(running, 3_000, 'the killed item to resolve');
      expect(outcome.ok).toBe(false);
      expect(Date.now() - started).toBeLessThan(3_000);
    });

    it('kills a unit whose item never settles', async () => {
      const { unit } = await spawn(fixtureTasks.neverSettles);
      const running = unit.run({ index: 0, input: null });
      await new Promise((r) => setTimeout(r, 100));
      await within(unit.kill(), 3_000, 'kill');
      const outcome = await within(running, 3_000, 'the killed item to resolve');
      expect(outcome).toMatchObject({ ok: false });
      if (!outcome.ok) expect(outcome.error.kind).toBe('killed');
    });

    it.skipIf(!processExit)(
      'reports a unit that dies on its own through `exited` and fails its item',
      async () => {
        const { unit } = await spawn(fixtureTasks.exit);
        const outcome = await within(unit.run({ index: 0, input: 3 }), 5_000, 'the item of a dying unit');
        expect(outcome).toMatchObject({ ok: false });
        if (!outcome.ok) expect(outcome.error.kind).toBe('unit-exited');
        const exit = await within(unit.exited, 5_000, 'exited');
        expect(exit.reason.length).toBeGreaterThan(0);
        expect(exit.code).toBe(3);
      },
    );

    it.skipIf(!captureOutput)('captures what a task prints and attributes it to the unit', async () => {
      const { unit, spec } = await spawn(fixtureTasks.prints);
      expect(await unit.run({ index: 0, input: 'hello-7' })).toMatchObject({ ok: true, value: 'hello-7' });
      const deadline = Date.now() + 2_000;
      const seen = () => spec.printed.map((p) => `${p.stream}:${p.text}`).join('');
      while (!(seen().includes('out:hello-7') && seen().includes('err:hello-7')) && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 20));
      expect(seen()).toContain('stdout:out:hello-7');
      expect(seen()).toContain('stderr:err:hello-7');
      await closeAll([unit]);
    });

    it('samples figures of the documented shape, also after close', async () => {
      const { unit } = await spawn(fixtureTasks.echo);
      await unit.run({ index: 0, input: 1 });
      const check = (sample: UnitSample) => {
        expect(['process', 'thread', 'shared']).toContain(sample.scope);
        for (const key of [
          'cpuUserMs',
          'cpuSystemMs',
          'rssBytes',
          'peakRssBytes',
          'heapUsedBytes',
          'loopDelayP50Ms',
          'loopDelayP99Ms',
        ] as const) {
          const value = sample[key];
          if (value !== undefined)
            expect(Number.isFinite(value) && value >= 0, `${key} = ${value}`).toBe(true);
        }
        const elu = sample.eventLoopUtilization;
        if (elu !== undefined) expect(elu >= 0 && elu <= 1, `eventLoopUtilization = ${elu}`).toBe(true);
      };
      check(await unit.sample());
      await closeAll([unit]);
      check(await unit.sample());
    });
  });
}
