import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  concurList,
  copyPlugin,
  run,
  strategyNamesOf,
  tempFolder,
  writeJson,
} from './fixtures/scaffold/temp-project.js';

let project: Awaited<ReturnType<typeof tempFolder>>;

beforeAll(async () => {
  project = await tempFolder('folder-dependency');
  await writeJson(join(project.dir, 'package.json'), { name: 'my-app', version: '1.0.0', private: true });
  await copyPlugin('fast-pool', join(project.dir, 'vendor/fast-pool'));
  // Installed the way a user would: npm links the folder into node_modules and records `file:` in package.json.
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const installed = await run(
    npm,
    ['install', './vendor/fast-pool', '--offline', '--no-audit', '--no-fund', '--ignore-scripts'],
    project.dir,
  );
  if (installed.code !== 0) throw new Error(`npm install failed: ${installed.stderr}`);
});
afterAll(() => project.remove());

it('lists a plugin installed as a dependency from a folder', async () => {
  const list = await concurList(project.dir);
  expect(strategyNamesOf(list)).toEqual(['process', 'thread', 'async', 'fast-pool']);
  expect(list.strategies.at(-1)?.source).toEqual({
    kind: 'dependency',
    from: 'package.json of my-app',
    packageName: 'concur-strategy-fast-pool',
  });
  // The module is imported from its real place, not through the node_modules link.
  expect(list.strategies.at(-1)?.moduleUrl).toMatch(/\/vendor\/fast-pool\/index\.mjs$/);
  expect(list.broken).toEqual([]);
});
