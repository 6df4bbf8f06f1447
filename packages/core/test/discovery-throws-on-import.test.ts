// A plugin whose module throws while it is imported is listed as broken; the rest still work.
import { afterAll, expect, test } from 'vitest';
import { discover } from '../src/discovery/index.js';
import { makeProject, pluginPackage, removeProjects, strategyModule } from './fixtures/discovery/project.js';

afterAll(removeProjects);

test('a module that throws on import is broken with the first line of its error', async () => {
  const root = await makeProject({
    'package.json': { name: 'my-app', dependencies: { 'bad-pool': '*', 'good-pool': '*' } },
    ...pluginPackage('node_modules/bad-pool', 'bad-pool', {
      strategy: 'throw new Error("cannot find libfoo.so\\n    at native binding");\n',
    }),
    ...pluginPackage('node_modules/good-pool', 'good-pool', { strategy: strategyModule('good') }),
  });

  const catalog = await discover({ cwd: root });

  expect(catalog.strategies.map((s) => s.name)).toEqual(['good']);
  expect(catalog.broken).toEqual([
    {
      kind: 'strategy',
      specifier: 'bad-pool',
      source: { kind: 'dependency', from: 'package.json of my-app', packageName: 'bad-pool' },
      reason: 'bad-pool threw on import: cannot find libfoo.so',
    },
  ]);
});

test('a module with a syntax error is broken too', async () => {
  const root = await makeProject({
    'concur.config.json': { workloads: ['./broken.mjs'] },
    'broken.mjs': 'export default {\n',
  });

  const catalog = await discover({ cwd: root });

  expect(catalog.workloads).toEqual([]);
  expect(catalog.broken.map((b) => b.reason)).toEqual([
    expect.stringMatching(/^\.\/broken\.mjs threw on import: .+/),
  ]);
});

test('a module that never finishes importing is broken after the import timeout; the rest still load', async () => {
  const root = await makeProject({
    'concur.config.json': { strategies: ['./stuck.mjs', './fast.mjs'] },
    'stuck.mjs': 'await new Promise(() => {});\nexport default {};\n',
    'fast.mjs': strategyModule('fast'),
  });

  const catalog = await discover({ cwd: root, importTimeoutMs: 300 });

  expect(catalog.strategies.map((s) => s.name)).toEqual(['fast']);
  expect(catalog.broken.map((b) => b.reason)).toEqual([
    './stuck.mjs did not finish importing within 0.3 s; a plugin must not wait at the top level of its module',
  ]);
});
