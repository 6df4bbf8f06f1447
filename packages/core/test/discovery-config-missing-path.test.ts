// A plugin the config lists but that is not there is a broken entry, not a crash: the other plugins stay
// usable and `concur list` shows the mistake with the fix.
import { afterAll, expect, test } from 'vitest';
import { discover } from '../src/discovery/index.js';
import { makeProject, pluginPackage, removeProjects, strategyModule } from './fixtures/discovery/project.js';

afterAll(removeProjects);

test('a missing path is broken with "not found" and the rest still load', async () => {
  const root = await makeProject({
    'concur.config.json': { strategies: ['./plugins/nope.mjs', './plugins/fast.mjs'] },
    'plugins/fast.mjs': strategyModule('fast'),
  });

  const catalog = await discover({ cwd: root });

  expect(catalog.strategies.map((s) => s.name)).toEqual(['fast']);
  expect(catalog.broken).toEqual([
    {
      kind: 'strategy',
      specifier: './plugins/nope.mjs',
      source: { kind: 'config', from: 'concur.config.json' },
      reason: 'not found: ./plugins/nope.mjs; check the path in concur.config.json',
    },
  ]);
});

test('a package name that is not installed is broken with the fix', async () => {
  const root = await makeProject({ 'concur.config.json': { workloads: ['bench-kit'] } });

  const catalog = await discover({ cwd: root });

  expect(catalog.broken.map((b) => b.reason)).toEqual([
    'package "bench-kit" is not installed (no node_modules/bench-kit found); install it or check the name in concur.config.json',
  ]);
});

test('a package listed as a strategy without a strategy manifest is broken, saying what to add', async () => {
  const root = await makeProject({
    'concur.config.json': { strategies: ['lodash', './plugins/not-a-package'] },
    'node_modules/lodash/package.json': { name: 'lodash', main: 'index.js' },
    'plugins/not-a-package/readme.txt': 'nothing here',
  });

  const catalog = await discover({ cwd: root });

  expect(catalog.broken.map((b) => b.reason)).toEqual([
    'lodash is not a concur strategy plugin: its package.json has no "concur": { "strategy": "./dist/index.js" }; add one, or remove it from the strategies list',
    './plugins/not-a-package is a folder without a package.json; name a module file, or a package folder whose package.json has "concur": { "strategy": "./dist/index.js" }',
  ]);
});

test('a manifest pointing at a module that was never built says to build it', async () => {
  const files = pluginPackage('node_modules/fast-pool', 'fast-pool', { strategy: strategyModule('fast') });
  delete files['node_modules/fast-pool/dist/strategy.mjs'];
  const root = await makeProject({ 'package.json': { dependencies: { 'fast-pool': '*' } }, ...files });

  const catalog = await discover({ cwd: root });

  expect(catalog.broken).toHaveLength(1);
  expect(catalog.broken[0]?.reason).toMatch(
    /^not found: .*fast-pool\/dist\/strategy\.mjs, named by `concur\.strategy` in fast-pool's package\.json; build the plugin or fix the path$/,
  );
});
