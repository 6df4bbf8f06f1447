// A failure with `unitGone: true` says the unit ended with it: the engine must hand that unit nothing more.
import { expect, it } from 'vitest';
import { defineStrategy, type Outcome, type Strategy, type Unit } from '../src/index.js';
import { runStrategy } from '../src/orchestrate/index.js';

interface Delivery {
  readonly unit: string;
  readonly index: number;
}

/**
 * Units that answer every item with its input after `{ ms }` (or at once), except `'poison'`: that item
 * fails with `unitGone`, and from then on the unit fails whatever it is sent and records that it was sent it.
 */
function goneOnPoison(): { strategy: Strategy; delivered: Delivery[]; sentAfterGone: Delivery[] } {
  const delivered: Delivery[] = [];
  const sentAfterGone: Delivery[] = [];
  let next = 0;
  const strategy = defineStrategy({
    meta: { name: 'gone-on-poison', version: '0.0.0', apiVersion: 1 },
    model: 'test',
    summary: 'Test fixture: a unit ends with the failure of its poison item.',
    traits: {
      unit: 'Call',
      memory: 'Shared',
      parallel: false,
      execution: 'Concurrency',
      bestFor: 'tests',
      pros: [],
      cons: [],
    },
    defaultConcurrency: () => 1,
    itemsInFlight: (options) => Number(options.inFlight ?? 1),
    async spawn(): Promise<Unit> {
      const id = `unit ${next++}`;
      let gone = false;
      const pending = new Set<(outcome: Outcome) => void>();
      return {
        id,
        exited: new Promise(() => {}),
        run: ({ index, input }) => {
          const delivery = { unit: id, index };
          delivered.push(delivery);
          if (gone) {
            sentAfterGone.push(delivery);
            return Promise.resolve({
              ok: false,
              error: { kind: 'threw', message: `${id} is gone and was sent item ${index}` },
              serviceMs: 0,
            });
          }
          if (input === 'poison') {
            gone = true;
            return Promise.resolve({
              ok: false,
              error: { kind: 'not-cloneable', message: 'its result could not be sent back', unitGone: true },
              serviceMs: 1,
            });
          }
          const ms = (input as { ms?: number }).ms ?? 0;
          return new Promise<Outcome>((resolve) => {
            pending.add(resolve);
            setTimeout(() => {
              if (pending.delete(resolve)) resolve({ ok: true, value: input, serviceMs: ms });
            }, ms);
          });
        },
        sample: () => ({ scope: 'shared' }),
        close: async () => {},
        async kill() {
          for (const resolve of pending)
            resolve({ ok: false, error: { kind: 'killed', message: `${id} killed` }, serviceMs: Number.NaN });
          pending.clear();
        },
      };
    },
  });
  return { strategy, delivered, sentAfterGone };
}

it('hands a unit whose failure ended it no further item, and runs the rest on its replacement', async () => {
  const { strategy, delivered, sentAfterGone } = goneOnPoison();
  const inputs = [{ n: 0 }, 'poison', { n: 2 }, { n: 3 }, { n: 4 }];
  const result = await runStrategy({ strategy, task: 'unused', inputs, concurrency: 1, keepValues: true });

  expect(sentAfterGone).toEqual([]);
  expect(delivered).toEqual([
    { unit: 'unit 0', index: 0 },
    { unit: 'unit 0', index: 1 },
    { unit: 'unit 1', index: 2 },
    { unit: 'unit 1', index: 3 },
    { unit: 'unit 1', index: 4 },
  ]);
  // The poison item keeps its own failure, as the unit gave it.
  expect(result.failures).toEqual([
    { index: 1, kind: 'not-cloneable', message: 'its result could not be sent back', unit: 0 },
  ]);
  expect(result.items).toEqual({ total: 5, done: 4, failed: 1 });
  expect(result.values).toEqual([{ n: 0 }, undefined, { n: 2 }, { n: 3 }, { n: 4 }]);
  expect(result.replacements).toBe(1);
  expect(result.units.map(({ id, items, failures }) => ({ id, items, failures }))).toEqual([
    { id: 'unit 0', items: 2, failures: 1 },
    { id: 'unit 1', items: 3, failures: 0 },
  ]);
  expect(result.units[0]?.end).toMatch(/item 1/);
  expect(result.units[1]?.end).toBe('closed');
});

it('fails the other items in flight on that unit as unit-exited, as for a unit that died', async () => {
  const { strategy, sentAfterGone } = goneOnPoison();
  // Item 0 is still in flight on unit 0 when item 1 ends it.
  const inputs = [{ ms: 200 }, 'poison', { n: 2 }, { n: 3 }];
  const result = await runStrategy({
    strategy,
    task: 'unused',
    inputs,
    concurrency: 1,
    options: { inFlight: 2 },
  });

  expect(sentAfterGone).toEqual([]);
  expect(result.failures.map(({ index, kind, unit }) => ({ index, kind, unit }))).toEqual([
    { index: 0, kind: 'unit-exited', unit: 0 },
    { index: 1, kind: 'not-cloneable', unit: 0 },
  ]);
  expect(result.failures[0]?.message).toMatch(/item 1/);
  expect(result.items).toEqual({ total: 4, done: 2, failed: 2 });
  expect(result.replacements).toBe(1);
});
