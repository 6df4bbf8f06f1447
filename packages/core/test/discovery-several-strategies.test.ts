// A package may declare several strategies, one module each: `"concur": { "strategy": ["./a.mjs", "./b.mjs"] }`.
// Each becomes a strategy of its own, found through any route; a module of the list that is missing is
// listed broken alone, and the single-path form still works beside it.
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { discover } from '../src/discovery/index.js';
import { makeProject, removeProjects, strategyModule } from './fixtures/discovery/project.js';

afterAll(removeProjects);

const trio = (modules: string[]) => ({
  'app/node_modules/trio/package.json': {
    name: 'trio',
    version: '1.0.0',
    type: 'module',
    concur: { strategy: modules.map((m) => `./dist/${m}.mjs`) },
  },
});

test('a package that lists several strategy modules gives a strategy for each, in its order', async () => {
  const root = await makeProject({
    'app/package.json': { name: 'my-app', dependencies: { trio: '^1.0.0', solo: '^1.0.0' } },
    ...trio(['one', 'two', 'three']),
    'app/node_modules/trio/dist/one.mjs': strategyModule('trio-one'),
    'app/node_modules/trio/dist/two.mjs': strategyModule('trio-two'),
    'app/node_modules/trio/dist/three.mjs': strategyModule('trio-three'),
    'app/node_modules/solo/package.json': {
      name: 'solo',
      version: '1.0.0',
      type: 'module',
      concur: { strategy: './dist/solo.mjs' },
    },
    'app/node_modules/solo/dist/solo.mjs': strategyModule('solo'),
  });
  const catalog = await discover({ cwd: join(root, 'app') });
  expect(catalog.broken).toEqual([]);
  expect(catalog.strategies.map((s) => [s.name, s.source.packageName])).toEqual([
    ['trio-one', 'trio'],
    ['trio-two', 'trio'],
    ['trio-three', 'trio'],
    ['solo', 'solo'],
  ]);
  expect(catalog.strategies[1]?.moduleUrl).toMatch(/\/trio\/dist\/two\.mjs$/);
});

test('a module of the list that does not exist is broken alone, naming the file', async () => {
  const root = await makeProject({
    'app/package.json': { name: 'my-app', dependencies: { trio: '^1.0.0' } },
    ...trio(['one', 'unbuilt']),
    'app/node_modules/trio/dist/one.mjs': strategyModule('trio-one'),
  });
  const catalog = await discover({ cwd: join(root, 'app') });
  expect(catalog.strategies.map((s) => s.name)).toEqual(['trio-one']);
  expect(catalog.broken).toHaveLength(1);
  expect(catalog.broken[0]?.reason).toMatch(
    /^not found: .*\/trio\/dist\/unbuilt\.mjs, named by `concur\.strategy` in trio's package\.json; build the plugin or fix the path$/,
  );
});

test('an empty list, or one holding something other than paths, is a broken manifest with the fix', async () => {
  const root = await makeProject({
    'app/package.json': { name: 'my-app', dependencies: { odd: '^1.0.0' } },
    'app/node_modules/odd/package.json': { name: 'odd', version: '1.0.0', concur: { strategy: [] } },
  });
  const catalog = await discover({ cwd: join(root, 'app') });
  expect(catalog.broken.map((b) => b.reason)).toEqual([
    'odd: `concur.strategy` in package.json must be a path such as "./dist/index.js", or a list of them (one module per strategy), got []; fix the `concur` field of odd\'s package.json',
  ]);
});
