// The built-in strategies and workloads are handed to discovery as file URLs or paths of their modules.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, expect, test } from 'vitest';
import { discover } from '../src/discovery/index.js';
import {
  link,
  makeProject,
  pluginPackage,
  removeProjects,
  strategyModule,
  workloadModule,
} from './fixtures/discovery/project.js';

afterAll(removeProjects);

test('built-ins load from file URLs and paths, named after the package that holds them', async () => {
  const root = await makeProject({
    ...pluginPackage('concur/strategy-thread', '@concur/strategy-thread', {
      strategy: strategyModule('thread'),
    }),
    'concur/workloads/index.mjs': workloadModule('cpu-sum'),
  });
  const thread = pathToFileURL(join(root, 'concur/strategy-thread/dist/strategy.mjs')).href;

  const catalog = await discover({
    cwd: root,
    builtins: { strategies: [thread], workloads: [join(root, 'concur/workloads/index.mjs')] },
  });

  expect(catalog.broken).toEqual([]);
  expect(catalog.strategies.map((s) => [s.name, s.moduleUrl, s.source])).toEqual([
    ['thread', thread, { kind: 'builtin', from: 'built-in', packageName: '@concur/strategy-thread' }],
  ]);
  expect(catalog.workloads.map((w) => w.name)).toEqual(['cpu-sum']);
});

test('a built-in the project also declares as a dependency counts once, as the built-in', async () => {
  const root = await makeProject({
    'package.json': { name: 'my-app', dependencies: { '@concur/strategy-thread': '*' } },
    ...pluginPackage('vendor/strategy-thread', '@concur/strategy-thread', {
      strategy: strategyModule('thread'),
    }),
  });
  await link(root, 'node_modules/@concur/strategy-thread', 'vendor/strategy-thread');

  const catalog = await discover({
    cwd: root,
    builtins: { strategies: [join(root, 'vendor/strategy-thread')] },
  });

  expect(catalog.broken).toEqual([]);
  expect(catalog.strategies.map((s) => [s.name, s.source.kind])).toEqual([['thread', 'builtin']]);
});

test('a project without a config or package.json still gets the built-ins', async () => {
  const root = await makeProject({ 'lib/fast.mjs': strategyModule('fast') });

  const catalog = await discover({
    cwd: join(root, 'lib'),
    builtins: { strategies: [join(root, 'lib/fast.mjs')] },
  });

  expect(catalog.strategies.map((s) => s.name)).toEqual(['fast']);
  expect(catalog.broken).toEqual([]);
});
