// Every plugin is checked against the contract when it is loaded, so a mistake names itself in
// `concur list` instead of failing half-way through a run.
import { afterAll, expect, test } from 'vitest';
import { discover } from '../src/discovery/index.js';
import { makeProject, removeProjects, strategyModule } from './fixtures/discovery/project.js';

afterAll(removeProjects);

test('a strategy without `spawn` is broken with the shape to follow', async () => {
  const root = await makeProject({
    'concur.config.json': { strategies: ['./lazy.mjs', './fast.mjs'] },
    'lazy.mjs': strategyModule('lazy', { withoutSpawn: true }),
    'fast.mjs': strategyModule('fast'),
  });

  const catalog = await discover({ cwd: root });

  expect(catalog.strategies.map((s) => s.name)).toEqual(['fast']);
  expect(catalog.broken.map((b) => [b.name, b.reason])).toEqual([
    [
      'lazy',
      './lazy.mjs: strategy "lazy" has no `spawn` function; the default export must be defineStrategy({ meta, model, summary, traits, defaultConcurrency, spawn })',
    ],
  ]);
});

test('a module with no default export is broken', async () => {
  const root = await makeProject({
    'concur.config.json': { strategies: ['./named.mjs'] },
    'named.mjs': 'export const strategy = {};\n',
  });

  const catalog = await discover({ cwd: root });

  expect(catalog.broken.map((b) => b.reason)).toEqual([
    './named.mjs: the default export is not a strategy object; the default export must be defineStrategy({ meta, model, summary, traits, defaultConcurrency, spawn })',
  ]);
});
