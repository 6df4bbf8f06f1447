import { makeSpec } from '@concur/core/testkit';
import { expect, it } from 'vitest';
import strategy from '../src/index.js';
import { fixture } from './fixture-url.js';

it('returns a later rejection, a thrown non-Error and a broken thenable as `threw` failures, then runs the next item', async () => {
  const unit = await strategy.spawn(makeSpec(fixture('failures.mjs')));
  const rejected = await unit.run({ index: 0, input: 'reject-later' });
  expect(rejected).toMatchObject({
    ok: false,
    error: { kind: 'threw', message: 'TypeError: rejected after a timer' },
  });
  const thrown = await unit.run({ index: 1, input: 'throw-string' });
  expect(thrown).toMatchObject({ ok: false, error: { kind: 'threw' } });
  if (!thrown.ok) expect(thrown.error.message).toContain('plain string');
  const broken = await unit.run({ index: 2, input: 'bad-thenable' });
  expect(broken).toMatchObject({
    ok: false,
    error: { kind: 'threw', message: 'RangeError: a broken thenable' },
  });
  expect(await unit.run({ index: 3, input: 'ok' })).toMatchObject({ ok: true, value: 'fine' });
  await unit.close();
});

it('rejects the spawn when setup throws, and retries setup on the next spawn', async () => {
  const spec = makeSpec(fixture('setup-fails.mjs'));
  await expect(strategy.spawn(spec)).rejects.toThrow('database unreachable');
  const unit = await strategy.spawn(spec);
  expect(await unit.run({ index: 0, input: null })).toMatchObject({ ok: true, value: 2 });
  await unit.close();
});

it('rejects the spawn of a missing task module with a message naming it', async () => {
  const missing = fixture('no-such-task.mjs');
  await expect(strategy.spawn(makeSpec(missing))).rejects.toThrow(/no-such-task\.mjs could not be imported/);
});
