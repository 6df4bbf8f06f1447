import { expect, it } from 'vitest';
import { discoveryProject, strategyNamesOf } from './fixtures/discovery-e2e/project.js';
import { run } from './fixtures/scaffold/temp-project.js';

const project = discoveryProject('folder-dependency', {
  packageJson: { name: 'my-app', version: '1.0.0', private: true },
  plugins: { 'vendor/fast-pool': 'fast-pool' },
  // Installed the way a user would: npm links the folder into node_modules and records `file:` in package.json.
  prepare: async (dir) => {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const installed = await run(
      npm,
      ['install', './vendor/fast-pool', '--offline', '--no-audit', '--no-fund', '--ignore-scripts'],
      dir,
    );
    if (installed.code !== 0) throw new Error(`npm install failed: ${installed.stderr}`);
  },
});

it('lists a plugin installed as a dependency from a folder', async () => {
  const list = await project.list();
  expect(strategyNamesOf(list)).toEqual([
    'process',
    'thread',
    'async',
    'queue',
    'python-process',
    'python-thread',
    'python-asyncio',
    'fast-pool',
  ]);
  expect(list.strategies.at(-1)?.source).toEqual({
    kind: 'dependency',
    from: 'package.json of my-app',
    packageName: 'concur-strategy-fast-pool',
  });
  // The module is imported from its real place, not through the node_modules link.
  expect(list.strategies.at(-1)?.moduleUrl).toMatch(/\/vendor\/fast-pool\/index\.mjs$/);
  expect(list.broken).toEqual([]);
});
