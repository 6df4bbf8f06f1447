import { makeSpec } from '@concur/core/testkit';
import { expect, it } from 'vitest';
import strategy from '../src/index.js';

const task = new URL('./fixtures/returns-function.mjs', import.meta.url).href;

it('fails an input that cannot be cloned as not-cloneable and keeps the unit', async () => {
  const unit = await strategy.spawn(makeSpec(task));
  const outcome = await unit.run({ index: 0, input: { call: () => 1 } });
  expect(outcome).toMatchObject({ ok: false, error: { kind: 'not-cloneable' } });
  expect(await unit.run({ index: 1, input: 'still here' })).toMatchObject({ ok: true, value: 'still here' });
  await unit.close();
});

it('fails an output that cannot be cloned as not-cloneable, and the unit reports its death', async () => {
  const unit = await strategy.spawn(makeSpec(task));
  const outcome = await unit.run({ index: 0, input: 'function' });
  expect(outcome).toMatchObject({ ok: false, error: { kind: 'not-cloneable' } });
  const exit = await unit.exited;
  expect(exit.reason.length).toBeGreaterThan(0);
  await unit.kill();
});
