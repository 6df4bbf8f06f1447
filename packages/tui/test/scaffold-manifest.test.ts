import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { API_VERSION } from '@concur/core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { scaffoldStrategy } from '../src/scaffold/scaffold-strategy.js';
import { REPO_ROOT, tempFolder } from './fixtures/scaffold/temp-project.js';

let temp: Awaited<ReturnType<typeof tempFolder>>;
let dir: string;
beforeAll(async () => {
  temp = await tempFolder('scaffold-manifest');
  dir = (await scaffoldStrategy({ name: 'my-pool', cwd: temp.dir })).dir;
}, 60_000);
afterAll(() => temp.remove());

const read = (file: string) => readFile(join(dir, file), 'utf8');

it('writes a package.json with the concur manifest, the scripts and the dependencies', async () => {
  const core = JSON.parse(await readFile(join(REPO_ROOT, 'packages/core/package.json'), 'utf8'));
  const pkg = JSON.parse(await read('package.json'));
  expect(pkg).toMatchObject({
    name: 'concur-strategy-my-pool',
    type: 'module',
    scripts: { build: 'tsc -p tsconfig.json', pretest: 'npm run build', test: 'vitest run' },
    dependencies: { '@concur/core': `file:vendor/concur-core-${core.version}.tgz` },
    concur: { strategy: './dist/index.js' },
    exports: { '.': { types: './dist/index.d.ts', default: './dist/index.js' } },
  });
  expect(Object.keys(pkg.devDependencies).sort()).toEqual(['@types/node', 'typescript', 'vitest']);
});

it('depends on the tools at exactly the versions of concur’s own lockfile, which the npm cache holds', async () => {
  const lock = JSON.parse(await readFile(join(REPO_ROOT, 'package-lock.json'), 'utf8'));
  const locked = (name: string) => lock.packages[`node_modules/${name}`].version;
  const pkg = JSON.parse(await read('package.json'));
  expect(pkg.devDependencies).toEqual({
    '@types/node': locked('@types/node'),
    typescript: locked('typescript'),
    vitest: locked('vitest'),
  });
});

it('vendors the core it was run from, as npm pack makes it', async () => {
  const core = JSON.parse(await readFile(join(REPO_ROOT, 'packages/core/package.json'), 'utf8'));
  const tarball = await readFile(join(dir, `vendor/concur-core-${core.version}.tgz`));
  const files = gunzipSync(tarball).toString('latin1');
  expect(files).toContain('package/package.json');
  expect(files).toContain('package/dist/testkit/index.js');
  expect(files).toContain('package/fixtures/echo.mjs');
  expect(files).not.toContain('package/src/');
});

it('declares the strategy with its name and this contract version as a literal', async () => {
  const source = await read('src/index.ts');
  expect(source).toContain(`meta: { name: 'my-pool', version: '0.1.0', apiVersion: ${API_VERSION} }`);
  expect(source).toContain('defineStrategy(');
});

it('writes a unit in a worker thread on core’s unit kit, and tests it with the conformance suite', async () => {
  const unit = await read('src/unit.ts');
  expect(unit).toContain('new ChannelUnit(');
  expect(unit).toContain('new Worker(ENTRY');
  const entry = await read('src/unit-entry.ts');
  expect(entry).toContain('await serveUnit(');
  // Every unit-side import is core's unit kit, never its main entry (the engine, reports, discovery).
  for (const source of [unit, entry])
    for (const [, from] of source.matchAll(/from '(@concur\/[^']+)'/g))
      expect(from).toBe('@concur/core/runtime');
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
