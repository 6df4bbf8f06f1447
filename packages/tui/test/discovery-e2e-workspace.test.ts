import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  concur,
  concurList,
  copyPlugin,
  strategyNamesOf,
  tempFolder,
  writeJson,
} from './fixtures/scaffold/temp-project.js';

let project: Awaited<ReturnType<typeof tempFolder>>;

beforeAll(async () => {
  project = await tempFolder('workspace');
  await writeJson(join(project.dir, 'package.json'), {
    name: 'my-app',
    private: true,
    workspaces: ['plugins/*'],
  });
  await copyPlugin('fast-pool', join(project.dir, 'plugins/fast-pool'));
});
afterAll(() => project.remove());

it('lists a plugin that is a workspace package of the project, after the built-ins', async () => {
  const list = await concurList(project.dir);
  expect(strategyNamesOf(list)).toEqual(['process', 'thread', 'async', 'fast-pool']);
  expect(list.strategies.at(-1)?.source).toEqual({
    kind: 'workspace',
    from: 'workspace plugins/fast-pool',
    packageName: 'concur-strategy-fast-pool',
  });
  expect(list.broken).toEqual([]);
});

it('says where the workspace plugin came from in the plain listing', async () => {
  const ran = await concur(['list'], project.dir);
  expect(ran.code).toBe(0);
  expect(ran.stdout).toMatch(/fast-pool .*\(concur-strategy-fast-pool, workspace plugins\/fast-pool\)/);
  expect(ran.stdout).not.toContain('Could not be used');
});
