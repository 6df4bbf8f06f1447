import { expect, it } from 'vitest';
import strategy from '../src/index.js';
import { readThreadOptions } from '../src/options.js';
import { spawnUnit } from './helpers.js';

it('accepts the documented options, also as command-line text', () => {
  expect(strategy.validateOptions?.({})).toBeUndefined();
  expect(
    readThreadOptions({ inFlight: '3', env: 'share', maxOldGenerationSizeMb: '64', maxOutputBytes: '4096' }),
  ).toEqual({
    inFlight: 3,
    env: 'share',
    resourceLimits: { maxOldGenerationSizeMb: 64 },
    maxOutputBytes: 4096,
  });
  expect(readThreadOptions({ resourceLimits: { stackSizeMb: 2 } }).resourceLimits).toEqual({
    stackSizeMb: 2,
  });
  expect(strategy.itemsInFlight?.({})).toBe(1);
});

it('names the bad option and what it must be, in one line', () => {
  const problems = [
    strategy.validateOptions?.({ inFlight: 0 }),
    strategy.validateOptions?.({ inFlight: 'many' }),
    strategy.validateOptions?.({ env: 'inherit' }),
    strategy.validateOptions?.({ maxOldGenerationSizeMb: -5 }),
    strategy.validateOptions?.({ resourceLimits: { heapMb: 5 } }),
    strategy.validateOptions?.({ inflight: 2 }),
    strategy.validateOptions?.({ maxOutputBytes: 0 }),
  ];
  expect(problems).toEqual([
    '`inFlight` must be a positive integer, got 0',
    '`inFlight` must be a positive integer, got "many"',
    '`env` must be "share" or "copy", got "inherit"',
    '`maxOldGenerationSizeMb` must be a positive number of megabytes, got -5',
    expect.stringContaining('unknown key `resourceLimits.heapMb`'),
    expect.stringContaining('unknown thread option `inflight`'),
    '`maxOutputBytes` must be a positive integer, got 0',
  ]);
  for (const problem of problems) expect(problem).not.toContain('\n');
});

it('env "share" lets a thread see the environment as it is now; "copy" freezes it at spawn', async () => {
  const name = 'CONCUR_THREAD_ENV_PROBE';
  const shared = await spawnUnit('env-probe.mjs', { options: { env: 'share' } });
  const copied = await spawnUnit('env-probe.mjs', { unit: 1, options: { env: 'copy' } });
  process.env[name] = 'set after spawn';
  try {
    expect(await shared.unit.run({ index: 0, input: name })).toMatchObject({ value: 'set after spawn' });
    expect(await copied.unit.run({ index: 1, input: name })).toMatchObject({ value: null });
  } finally {
    delete process.env[name];
    await Promise.all([shared.unit.close(), copied.unit.close()]);
  }
});
