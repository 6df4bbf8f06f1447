import { makeSpec } from '@concur/core/testkit';
import { expect, it } from 'vitest';
import strategy from '../src/index.js';
import { fixture } from './fixture-url.js';

const SLOTS = 10_000;

it('spawns 10,000 slots and runs an item on each, all in flight at once, with one setup', async () => {
  const task = fixture('in-flight.mjs');
  const specs = Array.from({ length: SLOTS }, (_, unit) => makeSpec(task, { unit }));
  const units = await Promise.all(specs.map((spec) => strategy.spawn(spec)));
  expect(new Set(units.map((u) => u.id)).size).toBe(SLOTS);

  const outcomes = await Promise.all(units.map((unit, n) => unit.run({ index: n, input: { n, ms: 50 } })));
  const values = outcomes.map((o) =>
    o.ok ? (o.value as { n: number; unit: number; peak: number; setups: number }) : undefined,
  );
  expect(values.every((v, n) => v?.n === n && v.unit === n)).toBe(true);
  expect(Math.max(...values.map((v) => v?.peak ?? 0))).toBe(SLOTS);
  expect(new Set(values.map((v) => v?.setups))).toEqual(new Set([1]));

  await Promise.all(units.map((u) => u.close()));
});
