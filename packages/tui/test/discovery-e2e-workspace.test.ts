import { expect, it } from 'vitest';
import {
  discoveryProject,
  strategyNamesOf,
  WORKSPACES_PACKAGE_JSON,
} from './fixtures/discovery-e2e/project.js';

const project = discoveryProject('workspace', {
  packageJson: WORKSPACES_PACKAGE_JSON,
  plugins: { 'plugins/fast-pool': 'fast-pool' },
});

it('lists a plugin that is a workspace package of the project, after the built-ins', async () => {
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
    kind: 'workspace',
    from: 'workspace plugins/fast-pool',
    packageName: 'concur-strategy-fast-pool',
  });
  expect(list.broken).toEqual([]);
});

it('says where the workspace plugin came from in the plain listing', async () => {
  const ran = await project.concur(['list']);
  expect(ran.code).toBe(0);
  expect(ran.stdout).toMatch(/fast-pool .*\(concur-strategy-fast-pool, workspace plugins\/fast-pool\)/);
  expect(ran.stdout).not.toContain('Could not be used');
});
