// npm workspaces: a plugin can live in the project itself as a workspace package, and a workspace can
// declare a plugin dependency that npm hoisted to the root node_modules.
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

async function workspaceProject(): Promise<string> {
  const root = await makeProject({
    'package.json': { name: 'my-monorepo', private: true, workspaces: ['packages/*', 'tools/bench-*'] },
    ...pluginPackage('packages/fast', '@me/fast', { strategy: strategyModule('fast') }),
    'packages/app/package.json': {
      name: '@me/app',
      dependencies: { 'slow-pool': '^1.0.0', '@me/fast': '*' },
    },
    ...pluginPackage('tools/bench-io', '@me/bench-io', { workload: workloadModule('io-mix') }),
    // Matches no pattern: a folder named like a workspace but outside the globs is not one.
    ...pluginPackage('tools/other', '@me/other', { strategy: strategyModule('other') }),
    ...pluginPackage('node_modules/slow-pool', 'slow-pool', { strategy: strategyModule('slow') }),
  });
  // npm links every workspace package into the root node_modules.
  await link(root, 'node_modules/@me/fast', 'packages/fast');
  await link(root, 'node_modules/@me/app', 'packages/app');
  return root;
}

test('a workspace package with a manifest is a plugin, found once even though it is also a dependency', async () => {
  const catalog = await discover({ cwd: await workspaceProject() });

  expect(catalog.broken).toEqual([]);
  const fast = catalog.strategies.find((s) => s.name === 'fast');
  expect(fast?.source).toEqual({
    kind: 'workspace',
    from: 'workspace packages/fast',
    packageName: '@me/fast',
  });
  expect(catalog.strategies.filter((s) => s.name === 'fast')).toHaveLength(1);
  expect(catalog.workloads.map((w) => [w.name, w.source.from])).toEqual([
    ['io-mix', 'workspace tools/bench-io'],
  ]);
});

test("a workspace's declared dependency is found in the root node_modules", async () => {
  const catalog = await discover({ cwd: await workspaceProject() });

  const slow = catalog.strategies.find((s) => s.name === 'slow');
  expect(slow?.source).toEqual({
    kind: 'dependency',
    from: 'package.json of @me/app',
    packageName: 'slow-pool',
  });
});

test('folders outside the workspace globs are not searched', async () => {
  const catalog = await discover({ cwd: await workspaceProject() });

  expect(catalog.strategies.map((s) => s.name).sort()).toEqual(['fast', 'slow']);
});

test('yarn-style `workspaces: { packages }` and `!` exclusions are honoured', async () => {
  const root = await makeProject({
    'package.json': { name: 'yarn-repo', workspaces: { packages: ['packages/*', '!packages/skipped'] } },
    ...pluginPackage('packages/fast', 'fast', { strategy: strategyModule('fast') }),
    ...pluginPackage('packages/skipped', 'skipped', { strategy: strategyModule('skipped') }),
  });

  const catalog = await discover({ cwd: root });

  expect(catalog.strategies.map((s) => s.name)).toEqual(['fast']);
});
