// A plugin written for another version of the contract is refused with a reason, never half-used.
import { afterAll, expect, test } from 'vitest';
import { discover, pickStrategies } from '../src/discovery/index.js';
import { makeProject, removeProjects, strategyModule } from './fixtures/discovery/project.js';

afterAll(removeProjects);

test('a strategy with a wrong apiVersion is broken with a clear reason; the others load', async () => {
  const root = await makeProject({
    'concur.config.json': { strategies: ['./future.mjs', './fast.mjs'] },
    'future.mjs': strategyModule('future', { apiVersion: 2 }),
    'fast.mjs': strategyModule('fast'),
  });

  const catalog = await discover({ cwd: root });

  expect(catalog.strategies.map((s) => s.name)).toEqual(['fast']);
  expect(catalog.broken).toHaveLength(1);
  expect(catalog.broken[0]).toMatchObject({
    kind: 'strategy',
    specifier: './future.mjs',
    name: 'future',
    reason:
      './future.mjs: strategy "future" was written for contract apiVersion 2, this concur speaks apiVersion 1; update the plugin',
  });
  expect(() => pickStrategies(catalog, ['future'])).toThrow(
    /strategy "future" cannot be used: .*apiVersion 2/,
  );
});
