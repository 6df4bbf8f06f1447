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
  project = await tempFolder('throws-on-import');
  await writeJson(join(project.dir, 'package.json'), {
    name: 'my-app',
    private: true,
    workspaces: ['plugins/*'],
  });
  await copyPlugin('throws-on-import', join(project.dir, 'plugins/throws-on-import'));
  await copyPlugin('fast-pool', join(project.dir, 'plugins/fast-pool'));
});
afterAll(() => project.remove());

it('lists a plugin that throws on import as broken, with its error, and every other plugin as usual', async () => {
  const list = await concurList(project.dir);
  expect(strategyNamesOf(list)).toEqual(['process', 'thread', 'async', 'fast-pool']);
  expect(list.broken).toHaveLength(1);
  expect(list.broken[0]).toMatchObject({ kind: 'strategy', specifier: 'concur-strategy-throws-on-import' });
  expect(list.broken[0]?.reason).toMatch(/threw on import: .*cannot load native binding fast_pool\.node/);
});

it('still runs a comparison on the strategies that work', async () => {
  const ran = await concur(
    ['run', 'sleep', '--strategies', 'async', '-p', 'items=4', '-p', 'ms=5', '--runs', '1', '--warmup', '0'],
    project.dir,
  );
  expect(ran.code).toBe(0);
  // Progress goes to stderr; an error would be a line starting "concur:".
  expect(ran.stderr).not.toMatch(/^concur:/m);
  expect(ran.stderr).toMatch(/async ×\d+ run 1: .*4\/4 done/);
  expect(ran.stdout).toMatch(/^async\s+\d+/m);
});
