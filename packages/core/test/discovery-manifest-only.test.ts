// Finding plugins reads package.json files only: a dependency that is not a plugin is never executed,
// and a malformed manifest is reported without running anything.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { discover } from '../src/discovery/index.js';
import { addFiles, makeProject, removeProjects } from './fixtures/discovery/project.js';

afterAll(removeProjects);

// A module that leaves a file behind when it runs, so a test can tell whether it was imported.
const leavesMarker = (marker: string) =>
  `import { writeFileSync } from 'node:fs';\nwriteFileSync(${JSON.stringify(marker)}, 'imported');\nexport default {};\n`;

test('a dependency without a manifest is skipped silently and never imported', async () => {
  const root = await makeProject({});
  const marker = join(root, 'imported.txt');
  await addFiles(root, {
    'package.json': { name: 'my-app', dependencies: { lodash: '*', 'not-installed': '*' } },
    'node_modules/lodash/package.json': { name: 'lodash', main: 'index.mjs', exports: './index.mjs' },
    'node_modules/lodash/index.mjs': leavesMarker(marker),
  });

  const catalog = await discover({ cwd: root });

  expect(catalog).toEqual({ strategies: [], workloads: [], broken: [] });
  expect(existsSync(marker)).toBe(false);
});

test('a malformed manifest is broken with the field and the fix, and its code is never run', async () => {
  const root = await makeProject({});
  const marker = join(root, 'imported.txt');
  await addFiles(root, {
    'package.json': { name: 'my-app', dependencies: { 'odd-pool': '*', 'odder-pool': '*' } },
    'node_modules/odd-pool/package.json': { name: 'odd-pool', concur: { strategy: 42 } },
    'node_modules/odder-pool/package.json': { name: 'odder-pool', main: 'index.mjs', concur: './index.mjs' },
    'node_modules/odder-pool/index.mjs': leavesMarker(marker),
  });

  const catalog = await discover({ cwd: root });

  expect(catalog.broken.map((b) => b.reason)).toEqual([
    'odd-pool: `concur.strategy` in package.json must be a path such as "./dist/index.js", or a list of them (one module per strategy), got 42; fix the `concur` field of odd-pool\'s package.json',
    'odder-pool: `concur` in package.json must be an object such as { "strategy": "./dist/index.js" }, got "./index.mjs"; fix the `concur` field of odder-pool\'s package.json',
  ]);
  expect(existsSync(marker)).toBe(false);
});
