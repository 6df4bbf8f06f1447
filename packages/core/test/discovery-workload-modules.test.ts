// A workload module's default export is one workload or an array of them; each is checked on its own.

import { realpath } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, expect, test } from 'vitest';
import { discover } from '../src/discovery/index.js';
import {
  makeProject,
  pluginPackage,
  removeProjects,
  strategyModule,
  workloadModule,
} from './fixtures/discovery/project.js';

afterAll(removeProjects);

test('every workload of an array export loads, sharing the module URL', async () => {
  const root = await makeProject({
    'package.json': { name: 'my-app', dependencies: { 'bench-kit': '*' } },
    ...pluginPackage('node_modules/bench-kit', 'bench-kit', { workload: workloadModule('io-a', 'io-b') }),
  });

  const catalog = await discover({ cwd: root });

  const url = pathToFileURL(await realpath(join(root, 'node_modules/bench-kit/dist/workload.mjs'))).href;
  expect(catalog.workloads.map((w) => [w.name, w.moduleUrl])).toEqual([
    ['io-a', url],
    ['io-b', url],
  ]);
  expect(await catalog.workloads[1]?.workload.inputs({}, {})).toEqual([1, 2, 3]);
});

test('a malformed workload in an array is broken by position; its siblings still load', async () => {
  const root = await makeProject({
    'concur.config.json': { workloads: ['./mixed.mjs'] },
    'mixed.mjs': `export default [
  { name: 'good', description: '', kind: 'io', task: 'file:///t.mjs', params: {}, inputs: () => [] },
  { name: 'no-inputs', description: '', kind: 'io', task: 'file:///t.mjs', params: {} },
];\n`,
  });

  const catalog = await discover({ cwd: root });

  expect(catalog.workloads.map((w) => w.name)).toEqual(['good']);
  expect(catalog.broken.map((b) => [b.name, b.reason])).toEqual([
    [
      'no-inputs',
      './mixed.mjs: workload #2: workload "no-inputs": `inputs(params)` must be a function; the default export must be defineWorkload({ name, description, kind, task, params, inputs }) or an array of them',
    ],
  ]);
});

test('one package can carry both a strategy and a workload', async () => {
  const root = await makeProject({
    'package.json': { name: 'my-app', dependencies: { kit: '*' } },
    ...pluginPackage('node_modules/kit', 'kit', {
      strategy: strategyModule('kit-pool'),
      workload: workloadModule('kit-load'),
    }),
  });

  const catalog = await discover({ cwd: root });

  expect(catalog.strategies.map((s) => s.name)).toEqual(['kit-pool']);
  expect(catalog.workloads.map((w) => w.name)).toEqual(['kit-load']);
});
