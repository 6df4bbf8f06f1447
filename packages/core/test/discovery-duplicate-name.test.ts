// Two different modules claiming one name would make `--strategies fast` mean whichever loaded first.
// Neither is used; both are listed as broken, each naming both sources.
import { afterAll, expect, test } from 'vitest';
import { discover, pickStrategies } from '../src/discovery/index.js';
import {
  makeProject,
  pluginPackage,
  removeProjects,
  strategyModule,
  workloadModule,
} from './fixtures/discovery/project.js';

afterAll(removeProjects);

test('two strategies named "fast" are both broken, naming each other; the rest still load', async () => {
  const root = await makeProject({
    'package.json': { name: 'my-app', dependencies: { 'fast-pool': '*', 'slow-pool': '*' } },
    'concur.config.json': { strategies: ['./plugins/fast.mjs'] },
    'plugins/fast.mjs': strategyModule('fast'),
    ...pluginPackage('node_modules/fast-pool', 'fast-pool', { strategy: strategyModule('fast') }),
    ...pluginPackage('node_modules/slow-pool', 'slow-pool', { strategy: strategyModule('slow') }),
  });

  const catalog = await discover({ cwd: root });

  expect(catalog.strategies.map((s) => s.name)).toEqual(['slow']);
  const reason =
    'strategy name "fast" is claimed by both ./plugins/fast.mjs (concur.config.json) and fast-pool (package.json of my-app); rename one or remove one from the config';
  expect(catalog.broken.map((b) => [b.specifier, b.name, b.reason])).toEqual([
    ['./plugins/fast.mjs', 'fast', reason],
    ['fast-pool', 'fast', reason],
  ]);
  expect(() => pickStrategies(catalog, ['fast'])).toThrow(`strategy "fast" cannot be used: ${reason}`);
});

test('two workload modules claiming one workload name clash the same way', async () => {
  const root = await makeProject({
    'concur.config.json': { workloads: ['./a.mjs', './b.mjs'] },
    'a.mjs': workloadModule('io-mix', 'cpu-mix'),
    'b.mjs': workloadModule('io-mix'),
  });

  const catalog = await discover({ cwd: root });

  expect(catalog.workloads.map((w) => w.name)).toEqual(['cpu-mix']);
  expect(catalog.broken.map((b) => b.reason)).toEqual([
    'workload name "io-mix" is claimed by both ./a.mjs (concur.config.json) and ./b.mjs (concur.config.json); rename one or remove one from the config',
    'workload name "io-mix" is claimed by both ./a.mjs (concur.config.json) and ./b.mjs (concur.config.json); rename one or remove one from the config',
  ]);
});

test('the same module reached twice is one plugin, not a clash', async () => {
  const root = await makeProject({
    'package.json': { name: 'my-app', dependencies: { 'fast-pool': '*' } },
    'concur.config.json': { strategies: ['fast-pool', './node_modules/fast-pool/dist/strategy.mjs'] },
    ...pluginPackage('node_modules/fast-pool', 'fast-pool', { strategy: strategyModule('fast') }),
  });

  const catalog = await discover({ cwd: root });

  expect(catalog.broken).toEqual([]);
  expect(catalog.strategies.map((s) => [s.name, s.source.kind])).toEqual([['fast', 'config']]);
});
