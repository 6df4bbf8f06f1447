import { expect, it } from 'vitest';
import {
  discoveryProject,
  strategyNamesOf,
  WORKSPACES_PACKAGE_JSON,
} from './fixtures/discovery-e2e/project.js';

const CLASH =
  'strategy name "turbo" is claimed by both ./vendor/turbo-b (concur.config.json) and concur-strategy-turbo-a (workspace plugins/turbo-a); rename one or remove one from the config';

// One claimant is a workspace package, the other is named in the config: two routes, two modules, one name.
const project = discoveryProject('duplicate-name', {
  packageJson: WORKSPACES_PACKAGE_JSON,
  plugins: { 'plugins/turbo-a': 'turbo-a', 'vendor/turbo-b': 'turbo-b' },
  config: { strategies: ['./vendor/turbo-b'] },
});

it('uses neither of two plugins claiming one name and names both in the reason', async () => {
  const list = await project.list();
  expect(strategyNamesOf(list)).toEqual([
    'process',
    'thread',
    'async',
    'queue',
    'python-process',
    'python-thread',
    'python-asyncio',
  ]);
  expect(list.broken.map((b) => [b.name, b.reason])).toEqual([
    ['turbo', CLASH],
    ['turbo', CLASH],
  ]);
});

it('exits 2 with that one line when the clashing name is asked for', async () => {
  const ran = await project.concur(['run', 'sleep', '--strategies', 'turbo']);
  expect(ran.code).toBe(2);
  expect(ran.stderr).toBe(`concur: strategy "turbo" cannot be used: ${CLASH}\n`);
});
