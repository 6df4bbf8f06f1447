// Choosing strategies and a workload by name: an unknown or broken name is one InputError line that says
// what the user can type instead, or why the plugin they named cannot be used.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type Catalog, discover, pickStrategies, pickWorkload } from '../src/discovery/index.js';
import { InputError } from '../src/errors.js';
import { makeProject, removeProjects, strategyModule, workloadModule } from './fixtures/discovery/project.js';

let catalog: Catalog;

beforeAll(async () => {
  const root = await makeProject({
    'concur.config.json': {
      strategies: ['./thread.mjs', './process.mjs', './broken.mjs'],
      workloads: ['./workloads.mjs'],
    },
    'thread.mjs': strategyModule('thread'),
    'process.mjs': strategyModule('process'),
    'broken.mjs': 'throw new Error("boom");\n',
    'workloads.mjs': workloadModule('cpu-sum', 'io-wait'),
  });
  catalog = await discover({ cwd: root });
});
afterAll(removeProjects);

test('strategies come back in the order asked, each once', () => {
  expect(pickStrategies(catalog, ['process', 'thread', 'process']).map((s) => s.name)).toEqual([
    'process',
    'thread',
  ]);
});

test('an unknown strategy lists the known ones and points at the broken ones', () => {
  expect(() => pickStrategies(catalog, ['thread', 'cluster'])).toThrow(InputError);
  expect(() => pickStrategies(catalog, ['cluster'])).toThrow(
    'unknown strategy "cluster"; known: thread, process (1 broken strategy plugin: see `concur list`)',
  );
});

test('a broken strategy named by its specifier says why it is broken', () => {
  expect(() => pickStrategies(catalog, ['./broken.mjs'])).toThrow(
    'strategy "./broken.mjs" cannot be used: ./broken.mjs threw on import: boom',
  );
});

test('no strategy at all is refused', () => {
  expect(() => pickStrategies(catalog, [])).toThrow('name at least one strategy; known: thread, process');
});

test('a workload is picked by name, and an unknown one lists the known ones', () => {
  expect(pickWorkload(catalog, 'io-wait').workload.name).toBe('io-wait');
  expect(() => pickWorkload(catalog, 'io')).toThrow(InputError);
  expect(() => pickWorkload(catalog, 'io')).toThrow('unknown workload "io"; known: cpu-sum, io-wait');
});
