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
  project = await tempFolder('api-version');
  await writeJson(join(project.dir, 'package.json'), {
    name: 'my-app',
    private: true,
    workspaces: ['plugins/*'],
  });
  await copyPlugin('future-api', join(project.dir, 'plugins/future-api'));
});
afterAll(() => project.remove());

it('refuses a plugin written for another contract version, saying which and what to do', async () => {
  const list = await concurList(project.dir);
  expect(strategyNamesOf(list)).toEqual(['process', 'thread', 'async']);
  expect(list.broken).toHaveLength(1);
  expect(list.broken[0]).toMatchObject({ kind: 'strategy', name: 'future-api' });
  expect(list.broken[0]?.reason).toContain(
    'strategy "future-api" was written for contract apiVersion 2, this concur speaks apiVersion 1; update the plugin',
  );
});

it('shows the refusal under "Could not be used" in the plain listing', async () => {
  const ran = await concur(['list'], project.dir);
  expect(ran.stdout).toContain('Could not be used');
  expect(ran.stdout).toMatch(
    /future-api \(strategy, concur-strategy-future-api \(workspace plugins\/future-api\)\): .*apiVersion 2/,
  );
});

it('names the reason when the refused strategy is asked for', async () => {
  const ran = await concur(['run', 'sleep', '--strategies', 'future-api'], project.dir);
  expect(ran.code).toBe(2);
  expect(ran.stderr.trim().split('\n')).toHaveLength(1);
  expect(ran.stderr).toContain('strategy "future-api" cannot be used');
  expect(ran.stderr).toContain('apiVersion 2');
});
