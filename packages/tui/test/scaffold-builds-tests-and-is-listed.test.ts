/**
 * The whole promise of `concur new-strategy`, end to end in a temporary folder: the generated package
 * builds with its own `npm run build`, passes its own `npm test` (concur's conformance suite), and is then
 * found by `concur list` in a project that depends on it or names it in its config, and raced by
 * `concur run`, with no edit to concur.
 */
import { access, mkdir, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  concur,
  concurList,
  linkToolchain,
  run,
  strategyNamesOf,
  tempFolder,
  writeJson,
} from './fixtures/scaffold/temp-project.js';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
let temp: Awaited<ReturnType<typeof tempFolder>>;
let plugin: string;

beforeAll(async () => {
  temp = await tempFolder('scaffold-e2e');
  // The one thing `npm install` would fetch: @concur/core, typescript, vitest, @types/node.
  await linkToolchain(temp.dir);
  const made = await concur(['new-strategy', 'my-pool'], temp.dir);
  if (made.code !== 0) throw new Error(`concur new-strategy failed: ${made.stderr}`);
  plugin = join(temp.dir, 'concur-strategy-my-pool');
}, 60_000);
afterAll(() => temp.remove());

it('builds with its own build script', { timeout: 180_000 }, async () => {
  const built = await run(npm, ['run', 'build'], plugin);
  expect(built.stderr + built.stdout).not.toMatch(/error TS/);
  expect(built.code).toBe(0);
  await expect(access(join(plugin, 'dist/index.js'))).resolves.toBeUndefined();
  await expect(access(join(plugin, 'dist/index.d.ts'))).resolves.toBeUndefined();
});

it('passes concur’s conformance suite with its own test script', { timeout: 180_000 }, async () => {
  const tested = await run(npm, ['test'], plugin);
  const output = tested.stdout + tested.stderr;
  expect(output).toMatch(/conformance\.test\.ts \(\d+ tests/);
  expect(output).not.toMatch(/\bfailed\b/);
  expect(tested.code).toBe(0);
});

it('is listed by a project that depends on it, and races there', { timeout: 120_000 }, async () => {
  const app = join(temp.dir, 'app');
  await writeJson(join(app, 'package.json'), {
    name: 'my-app',
    private: true,
    dependencies: { 'concur-strategy-my-pool': 'file:../concur-strategy-my-pool' },
  });
  // What `npm install ../concur-strategy-my-pool` leaves behind: a link in node_modules.
  await mkdir(join(app, 'node_modules'));
  await symlink(plugin, join(app, 'node_modules/concur-strategy-my-pool'), 'dir');

  const list = await concurList(app);
  expect(strategyNamesOf(list)).toContain('my-pool');
  expect(list.strategies.find((s) => s.name === 'my-pool')?.source).toEqual({
    kind: 'dependency',
    from: 'package.json of my-app',
    packageName: 'concur-strategy-my-pool',
  });
  expect(list.broken).toEqual([]);

  const raced = await concur(
    [
      'run',
      'sleep',
      '--strategies',
      'my-pool',
      '-p',
      'items=6',
      '-p',
      'ms=5',
      '--runs',
      '1',
      '--warmup',
      '0',
    ],
    app,
  );
  expect(raced.stderr).toMatch(/my-pool ×\d+ run 1: .*6\/6 done/);
  expect(raced.code).toBe(0);
});

it('is listed by a project that names its folder in concur.config.json', { timeout: 60_000 }, async () => {
  const other = join(temp.dir, 'other');
  await writeJson(join(other, 'concur.config.json'), { strategies: ['../concur-strategy-my-pool'] });
  const list = await concurList(other);
  expect(list.strategies.find((s) => s.name === 'my-pool')?.source).toEqual({
    kind: 'config',
    from: 'concur.config.json',
    packageName: 'concur-strategy-my-pool',
  });
});
