import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { API_VERSION } from '@concur/core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { scaffoldStrategy } from '../src/scaffold/scaffold-strategy.js';
import { REPO_ROOT, tempFolder } from './fixtures/scaffold/temp-project.js';

let temp: Awaited<ReturnType<typeof tempFolder>>;
let dir: string;
beforeAll(async () => {
  temp = await tempFolder('scaffold-manifest');
  dir = (await scaffoldStrategy({ name: 'my-pool', cwd: temp.dir })).dir;
});
afterAll(() => temp.remove());

const read = (file: string) => readFile(join(dir, file), 'utf8');

it('writes a package.json with the concur manifest, the scripts and the dependencies', async () => {
  const core = JSON.parse(await readFile(join(REPO_ROOT, 'packages/core/package.json'), 'utf8'));
  const pkg = JSON.parse(await read('package.json'));
  expect(pkg).toMatchObject({
    name: 'concur-strategy-my-pool',
    type: 'module',
    scripts: { build: 'tsc -p tsconfig.json', test: 'vitest run' },
    dependencies: { '@concur/core': `^${core.version}` },
    concur: { strategy: './dist/index.js' },
    exports: { '.': { types: './dist/index.d.ts', default: './dist/index.js' } },
  });
  expect(Object.keys(pkg.devDependencies).sort()).toEqual(['@types/node', 'typescript', 'vitest']);
});

it('declares the strategy with its name and this contract version as a literal', async () => {
  const source = await read('src/index.ts');
  expect(source).toContain(`meta: { name: 'my-pool', version: '0.1.0', apiVersion: ${API_VERSION} }`);
  expect(source).toContain('defineStrategy(');
});

it('runs items through TaskHost and tests with the conformance suite', async () => {
  expect(await read('src/unit.ts')).toContain('TaskHost.open(spec.task, spec.unit');
  const test = await read('test/conformance.test.ts');
  expect(test).toContain("from '@concur/core/testkit'");
  expect(test).toContain('strategyConformance(');
});

it('explains in its README how concur finds the plugin', async () => {
  const text = await read('README.md');
  expect(text).toContain('# concur-strategy-my-pool');
  expect(text).toContain('"concur": { "strategy": "./dist/index.js" }');
  expect(text).toContain('npm install ../concur-strategy-my-pool');
});
