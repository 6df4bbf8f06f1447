// A plugin installed from a folder (`"fast-pool": "file:../fast-pool"`): npm links node_modules/fast-pool
// to the folder, and discovery must follow the link through the project's declared dependencies.

import { realpath } from 'node:fs/promises';
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
} from './fixtures/discovery/project.js';

afterAll(removeProjects);

test('a dependency installed from a folder is found through its node_modules symlink', async () => {
  const root = await makeProject({
    'app/package.json': { name: 'my-app', dependencies: { 'fast-pool': 'file:../fast-pool' } },
    ...pluginPackage('fast-pool', 'fast-pool', { strategy: strategyModule('fast') }),
  });
  await link(root, 'app/node_modules/fast-pool', 'fast-pool');

  const catalog = await discover({ cwd: join(root, 'app') });

  expect(catalog.broken).toEqual([]);
  expect(catalog.strategies).toHaveLength(1);
  const [fast] = catalog.strategies;
  expect(fast?.name).toBe('fast');
  expect(fast?.strategy.meta.name).toBe('fast');
  expect(fast?.source).toEqual({
    kind: 'dependency',
    from: 'package.json of my-app',
    packageName: 'fast-pool',
  });
  // The module URL points at the real file, so every process imports the very same module.
  const real = await realpath(join(root, 'fast-pool/dist/strategy.mjs'));
  expect(fast?.moduleUrl).toBe(pathToFileURL(real).href);
});

test('dependencies are found in node_modules of a parent folder, as Node finds them', async () => {
  const root = await makeProject({
    'app/package.json': { name: 'my-app', devDependencies: { 'fast-pool': '^1.0.0' } },
    ...pluginPackage('node_modules/fast-pool', 'fast-pool', { strategy: strategyModule('fast') }),
  });

  const catalog = await discover({ cwd: join(root, 'app') });

  expect(catalog.strategies.map((s) => s.name)).toEqual(['fast']);
});
