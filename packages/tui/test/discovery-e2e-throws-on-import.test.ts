import { expect, it } from 'vitest';
import {
  discoveryProject,
  strategyNamesOf,
  WORKSPACES_PACKAGE_JSON,
} from './fixtures/discovery-e2e/project.js';

const project = discoveryProject('throws-on-import', {
  packageJson: WORKSPACES_PACKAGE_JSON,
  plugins: { 'plugins/throws-on-import': 'throws-on-import', 'plugins/fast-pool': 'fast-pool' },
});

it('lists a plugin that throws on import as broken, with its error, and every other plugin as usual', async () => {
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
  expect(list.broken).toHaveLength(1);
  expect(list.broken[0]).toMatchObject({ kind: 'strategy', specifier: 'concur-strategy-throws-on-import' });
  expect(list.broken[0]?.reason).toMatch(/threw on import: .*cannot load native binding fast_pool\.node/);
});

it('still runs a comparison on the strategies that work', async () => {
  const oneQuickRun = ['-p', 'items=4', '-p', 'ms=5', '--runs', '1', '--warmup', '0'];
  const ran = await project.concur(['run', 'sleep', '--strategies', 'async', ...oneQuickRun]);
  expect(ran.code).toBe(0);
  // Progress goes to stderr; an error would be a line starting "concur:".
  expect(ran.stderr).not.toMatch(/^concur:/m);
  expect(ran.stderr).toMatch(/async ×\d+ run 1: .*4\/4 done/);
  expect(ran.stdout).toMatch(/^async\s+\d+/m);
});
