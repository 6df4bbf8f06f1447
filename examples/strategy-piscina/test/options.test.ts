import { fixtureTasks, makeSpec } from '@concur/core/testkit';
import { expect, it } from 'vitest';
import strategy from '../src/index.js';

it('names a bad option and the fix', () => {
  expect(strategy.validateOptions?.({ threads: 4 })).toBe(
    'strategy piscina has no option `threads`; the only option is `atomics`',
  );
  expect(strategy.validateOptions?.({ atomics: 'fast' })).toBe(
    '`atomics` must be one of sync, async, disabled, got "fast"',
  );
  expect(strategy.validateOptions?.({ atomics: 'async' })).toBeUndefined();
});

it.each(['async', 'disabled'])(
  'runs items with atomics=%s and then reports event-loop use',
  async (atomics) => {
    const unit = await strategy.spawn(makeSpec(fixtureTasks.echo, { options: { atomics } }));
    expect(await unit.run({ index: 0, input: [1, 2] })).toMatchObject({ ok: true, value: [1, 2] });
    const elu = (await unit.sample()).eventLoopUtilization;
    expect(elu).toBeGreaterThanOrEqual(0);
    expect(elu).toBeLessThanOrEqual(1);
    await unit.close();
  },
);

it('leaves event-loop use out with piscina’s default atomics=sync, where an idle worker looks busy', async () => {
  const unit = await strategy.spawn(makeSpec(fixtureTasks.echo));
  await unit.run({ index: 0, input: 1 });
  expect((await unit.sample()).eventLoopUtilization).toBeUndefined();
  await unit.close();
});
