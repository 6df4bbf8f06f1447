import { expect, it } from 'vitest';
import strategy from '../src/index.js';
import { spawnUnit } from './helpers.js';

it('a thread that exceeds its resourceLimits heap dies alone, named as out of memory', async () => {
  const options = { maxOldGenerationSizeMb: '16' };
  expect(strategy.validateOptions?.(options)).toBeUndefined();
  const { unit } = await spawnUnit('heap-hog.mjs', { options });
  const outcome = await unit.run({ index: 0, input: null });
  expect(outcome).toMatchObject({ ok: false, error: { kind: 'unit-exited' } });
  if (!outcome.ok) expect(outcome.error.message).toContain('ran out of memory');
  const exit = await unit.exited;
  expect(exit.reason).toContain('ERR_WORKER_OUT_OF_MEMORY');
  expect(exit.reason).toContain('maxOldGenerationSizeMb=16');
});
