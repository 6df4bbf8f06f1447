import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  concurList,
  copyPlugin,
  strategyNamesOf,
  tempFolder,
  writeJson,
} from './fixtures/scaffold/temp-project.js';

let project: Awaited<ReturnType<typeof tempFolder>>;

beforeAll(async () => {
  project = await tempFolder('config-path');
  // No package.json at all: a folder with a config is enough.
  await copyPlugin('fast-pool', join(project.dir, 'tools/fast-pool'));
  await copyFile(
    fileURLToPath(new URL('./fixtures/scaffold/plugins/lone-file.mjs', import.meta.url)),
    join(project.dir, 'lone-file.mjs'),
  );
  await writeJson(join(project.dir, 'concur.config.json'), {
    strategies: ['./tools/fast-pool', './lone-file.mjs'],
  });
});
afterAll(() => project.remove());

it('lists plugins named by path in concur.config.json: a package folder and a module file', async () => {
  const list = await concurList(project.dir);
  expect(strategyNamesOf(list)).toEqual(['process', 'thread', 'async', 'fast-pool', 'lone-file']);
  const [folder, file] = list.strategies.slice(-2);
  expect(folder?.source).toEqual({
    kind: 'config',
    from: 'concur.config.json',
    packageName: 'concur-strategy-fast-pool',
  });
  expect(file?.source).toEqual({ kind: 'config', from: 'concur.config.json' });
  expect(file?.moduleUrl).toMatch(/\/lone-file\.mjs$/);
  expect(list.broken).toEqual([]);
});
