// concur.config.{json,mjs,js} lists plugins the project does not install as dependencies: module files and
// package folders by path (relative to the config file), or installed packages by name.
import { afterAll, expect, test } from 'vitest';
import { discover } from '../src/discovery/index.js';
import {
  makeProject,
  pluginPackage,
  removeProjects,
  strategyModule,
  workloadModule,
} from './fixtures/discovery/project.js';

afterAll(removeProjects);

const plugins = {
  'plugins/fast.mjs': strategyModule('fast'),
  ...pluginPackage('plugins/pool', 'local-pool', { strategy: strategyModule('pool') }),
  ...pluginPackage('node_modules/bench-workloads', 'bench-workloads', {
    workload: workloadModule('io-a', 'io-b'),
  }),
};
const lists = {
  strategies: ['./plugins/fast.mjs', './plugins/pool'],
  workloads: ['bench-workloads'],
};

test('concur.config.json names a module file, a package folder and an installed package', async () => {
  const root = await makeProject({ 'concur.config.json': lists, ...plugins });

  const catalog = await discover({ cwd: root });

  expect(catalog.broken).toEqual([]);
  expect(catalog.strategies.map((s) => [s.name, s.source])).toEqual([
    ['fast', { kind: 'config', from: 'concur.config.json' }],
    ['pool', { kind: 'config', from: 'concur.config.json', packageName: 'local-pool' }],
  ]);
  expect(catalog.workloads.map((w) => w.name)).toEqual(['io-a', 'io-b']);
});

test.each(['concur.config.mjs', 'concur.config.js'])(
  '%s is an ES module whose default export is the config',
  async (file) => {
    const root = await makeProject({
      [file]: `export default ${JSON.stringify(lists)};\n`,
      'package.json': { name: 'my-app', type: 'module' },
      ...plugins,
    });

    const catalog = await discover({ cwd: root });

    expect(catalog.broken).toEqual([]);
    expect(catalog.strategies.map((s) => [s.name, s.source.from])).toEqual([
      ['fast', file],
      ['pool', file],
    ]);
  },
);
