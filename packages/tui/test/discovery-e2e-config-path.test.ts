import { expect, it } from 'vitest';
import { discoveryProject, strategyNamesOf } from './fixtures/discovery-e2e/project.js';

// No package.json at all: a folder with a config is enough.
const project = discoveryProject('config-path', {
  plugins: { 'tools/fast-pool': 'fast-pool', 'lone-file.mjs': 'lone-file.mjs' },
  config: { strategies: ['./tools/fast-pool', './lone-file.mjs'] },
});

it('lists plugins named by path in concur.config.json: a package folder and a module file', async () => {
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
    'lone-file',
  ]);
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
