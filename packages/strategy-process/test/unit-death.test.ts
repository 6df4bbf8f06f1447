// A unit that dies on its own: `exited` says how, and the item in flight fails naming what happened.
import { fixtureTasks } from '@concur/core/testkit';
import { expect, it } from 'vitest';
import { fixture, startUnit } from './load-strategy.js';

it('reports process.exit(3) in a task as "unit exited with code 3"', async () => {
  const { unit } = await startUnit(fixtureTasks.exit);
  const outcome = await unit.run({ index: 0, input: 3 });
  expect(outcome).toMatchObject({
    ok: false,
    error: { kind: 'unit-exited', message: 'unit exited with code 3' },
  });
  expect(await unit.exited).toEqual({ code: 3, signal: null, reason: 'exited with code 3' });
});

it('names the uncaught exception that ended the unit', async () => {
  const { unit } = await startUnit(fixture('throws-later.mjs'));
  const outcome = await unit.run({ index: 0, input: 'late-boom' });
  expect(outcome).toMatchObject({
    ok: false,
    error: { kind: 'unit-exited', message: 'unit exited with code 1 after an uncaught Error: late-boom' },
  });
  expect((await unit.exited).code).toBe(1);
});

it('reports a native crash as "unit killed by SIGABRT"', async () => {
  const { unit } = await startUnit(fixture('aborts.mjs'));
  const outcome = await unit.run({ index: 0, input: null });
  expect(outcome).toMatchObject({
    ok: false,
    error: { kind: 'unit-exited', message: 'unit killed by SIGABRT' },
  });
  expect(await unit.exited).toMatchObject({ code: null, signal: 'SIGABRT' });
});

it('reports a unit that outgrows --max-old-space-size as out of memory', async () => {
  const { unit } = await startUnit(fixture('allocates.mjs'), { execArgv: ['--max-old-space-size=24'] });
  const outcome = await unit.run({ index: 0, input: null });
  expect(outcome).toMatchObject({ ok: false, error: { kind: 'unit-exited' } });
  if (!outcome.ok) expect(outcome.error.message).toMatch(/^unit ran out of memory/);
  expect((await unit.exited).reason).toMatch(/^ran out of memory/);
});

it('fails items sent to a dead unit at once instead of hanging', async () => {
  const { unit } = await startUnit(fixtureTasks.exit);
  await unit.run({ index: 0, input: 5 });
  await unit.exited;
  const outcome = await unit.run({ index: 1, input: 5 });
  expect(outcome).toMatchObject({
    ok: false,
    error: { kind: 'unit-exited', message: 'unit exited with code 5' },
  });
});
