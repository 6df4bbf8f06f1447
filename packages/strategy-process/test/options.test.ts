// The options a user gives: checked with one clear line, and really applied to the units.
import { fixtureTasks } from '@concur/core/testkit';
import { expect, it } from 'vitest';
import { fixture, loadStrategy, startUnit } from './load-strategy.js';

it.each([
  [{ inFlight: 0 }, '`inFlight` must be a positive integer, got 0'],
  [{ inFlight: 'many' }, '`inFlight` must be a positive integer, got "many"'],
  [
    { execArgv: 'max-old-space-size' },
    '`execArgv` must be Node.js flags such as "--max-old-space-size=256", got "max-old-space-size"',
  ],
  [
    { env: 'NOEQUALS' },
    '`env` must be variables such as { "NAME": "value" } or "NAME=value,OTHER=2", got "NOEQUALS"',
  ],
  [
    { infligt: 2 },
    'unknown option `infligt` for strategy process; it knows inFlight, execArgv, env, maxOutputBytes',
  ],
  [
    { execArgv: '--no-such-flag' },
    '`execArgv`: Node.js refused --no-such-flag (' +
      process.execPath +
      ': bad option: --no-such-flag); give flags that `node` accepts, such as "--max-old-space-size=256"',
  ],
])('refuses %j with one clear line', async (options, line) => {
  const strategy = await loadStrategy();
  expect(strategy.validateOptions?.(options)).toBe(line);
});

it('accepts options typed on a command line and says how many items a unit takes', async () => {
  const strategy = await loadStrategy();
  const options = { inFlight: '3', execArgv: '--max-old-space-size=64 --no-warnings', env: 'A=1,B=x=y' };
  expect(strategy.validateOptions?.(options)).toBeUndefined();
  expect(strategy.itemsInFlight?.(options)).toBe(3);
  expect(strategy.itemsInFlight?.({})).toBe(1);
});

it('starts units with the given execArgv and env', async () => {
  const { unit } = await startUnit(fixture('environment.mjs'), {
    execArgv: ['--max-old-space-size=64'],
    env: { CONCUR_TEST_VALUE: 'from-options' },
  });
  const outcome = await unit.run({ index: 0, input: 'CONCUR_TEST_VALUE' });
  expect(outcome).toMatchObject({ ok: true, value: { env: 'from-options' } });
  if (outcome.ok)
    expect((outcome.value as { execArgv: string[] }).execArgv).toContain('--max-old-space-size=64');
  await unit.close();
});

it('runs inFlight items on one unit at the same time', async () => {
  const { unit } = await startUnit(fixtureTasks.interval, { inFlight: 3 });
  const outcomes = await Promise.all([0, 1, 2].map((index) => unit.run({ index, input: { ms: 300 } })));
  const spans = outcomes.map((o) =>
    o.ok ? (o.value as { start: number; end: number }) : { start: 0, end: 0 },
  );
  const latestStart = Math.max(...spans.map((s) => s.start));
  const earliestEnd = Math.min(...spans.map((s) => s.end));
  expect(latestStart).toBeLessThan(earliestEnd);
  await unit.close();
});

it('rejects spawn with the reason when the task module cannot be loaded', async () => {
  await expect(startUnit(fixture('no-such-task.mjs'))).rejects.toThrow(
    /no-such-task\.mjs could not be imported/,
  );
});
