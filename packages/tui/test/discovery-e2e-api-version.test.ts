import { expect, it } from 'vitest';
import {
  discoveryProject,
  strategyNamesOf,
  WORKSPACES_PACKAGE_JSON,
} from './fixtures/discovery-e2e/project.js';

const project = discoveryProject('api-version', {
  packageJson: WORKSPACES_PACKAGE_JSON,
  plugins: { 'plugins/future-api': 'future-api' },
});

it('refuses a plugin written for another contract version, saying which and what to do', async () => {
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
  expect(list.broken).toHaveLength(1);
  expect(list.broken[0]).toMatchObject({ kind: 'strategy', name: 'future-api' });
  expect(list.broken[0]?.reason).toContain(
    'strategy "future-api" was written for contract apiVersion 2, this concur speaks apiVersion 1; update the plugin',
  );
});

it('shows the refusal under "Could not be used" in the plain listing', async () => {
  const ran = await project.concur(['list']);
  expect(ran.stdout).toContain('Could not be used');
  expect(ran.stdout).toMatch(
    /future-api \(strategy, concur-strategy-future-api \(workspace plugins\/future-api\)\): .*apiVersion 2/,
  );
});

it('names the reason when the refused strategy is asked for', async () => {
  const ran = await project.concur(['run', 'sleep', '--strategies', 'future-api']);
  expect(ran.code).toBe(2);
  expect(ran.stderr.trim().split('\n')).toHaveLength(1);
  expect(ran.stderr).toContain('strategy "future-api" cannot be used');
  expect(ran.stderr).toContain('apiVersion 2');
});
