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
const CLASH =
  'strategy name "turbo" is claimed by both ./vendor/turbo-b (concur.config.json) and concur-strategy-turbo-a (workspace plugins/turbo-a); rename one or remove one from the config';

beforeAll(async () => {
  project = await tempFolder('duplicate-name');
  await writeJson(join(project.dir, 'package.json'), {
    name: 'my-app',
    private: true,
    workspaces: ['plugins/*'],
  });
  // One claimant is a workspace package, the other is named in the config: two routes, two modules, one name.
  await copyPlugin('turbo-a', join(project.dir, 'plugins/turbo-a'));
  await copyPlugin('turbo-b', join(project.dir, 'vendor/turbo-b'));
  await writeJson(join(project.dir, 'concur.config.json'), { strategies: ['./vendor/turbo-b'] });
});
afterAll(() => project.remove());

it('uses neither of two plugins claiming one name and names both in the reason', async () => {
  const list = await concurList(project.dir);
  expect(strategyNamesOf(list)).toEqual(['process', 'thread', 'async']);
  expect(list.broken.map((b) => [b.name, b.reason])).toEqual([
    ['turbo', CLASH],
    ['turbo', CLASH],
  ]);
});

it('exits 2 with that one line when the clashing name is asked for', async () => {
  const ran = await concur(['run', 'sleep', '--strategies', 'turbo'], project.dir);
  expect(ran.code).toBe(2);
  expect(ran.stderr).toBe(`concur: strategy "turbo" cannot be used: ${CLASH}\n`);
});
