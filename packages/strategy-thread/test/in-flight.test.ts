import { fixtureTasks, makeSpec } from '@concur/core/testkit';
import { expect, it } from 'vitest';
import strategy from '../src/index.js';

it('with inFlight above 1 one thread runs several items at once on its own event loop', async () => {
  const options = { inFlight: '2' };
  expect(strategy.itemsInFlight?.(options)).toBe(2);
  const unit = await strategy.spawn(makeSpec(fixtureTasks.interval, { options, inFlight: 2 }));
  const outcomes = await Promise.all([0, 1].map((index) => unit.run({ index, input: { ms: 150 } })));
  const [a, b] = outcomes.map((o) => (o.ok ? (o.value as { start: number; end: number }) : undefined));
  expect(a && b).toBeTruthy();
  if (a && b) expect(Math.max(a.start, b.start)).toBeLessThan(Math.min(a.end, b.end));
  await unit.close();
});
