/**
 * The whole promise of `concur new-strategy`, end to end outside this repository, in the OS's temporary
 * folder: an app installs concur from the tarballs `npm pack` makes of its packages (as README "Using it"
 * says); the installed `concur new-strategy` writes a plugin whose `@concur/core` is the app's own, packed
 * into the plugin's vendor/ folder; the plugin's own `npm install`, `npm run build` and `npm test`
 * (concur's conformance suite) pass there; and the app finds it with `concur list` and races it with
 * `concur run`, with no edit to concur.
 *
 * npm installs from those tarballs and from its cache (`--prefer-offline`): the scaffold's tools are the
 * versions of this repository's lockfile, which installing the repository put there. Where npm can reach
 * neither its cache nor the registry, the steps are skipped with npm's line, unless CI is set.
 */
import { access, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, expect, it, type TestContext } from 'vitest';
import {
  concur,
  concurList,
  npm,
  npmInstall,
  packConcur,
  run,
  strategyNamesOf,
  tempFolder,
  writeJson,
} from './fixtures/scaffold/temp-project.js';

let temp: Awaited<ReturnType<typeof tempFolder>>;
let app: string;
let plugin: string;
/** The app's own `concur`, installed from the tarballs. */
let installed: string;
let tarballs: string[];
/** Why npm could not install (no cache, no registry), when the steps are skipped for it. */
let unreachable: string | undefined;
/** The first step that failed: the steps after it need what it would have made. */
let failed: string | undefined;

beforeAll(async () => {
  temp = await tempFolder('scaffold-e2e');
  app = join(temp.dir, 'my-app');
  plugin = join(temp.dir, 'concur-strategy-my-pool');
  installed = join(app, 'node_modules/@concur/tui/bin/concur.js');
  tarballs = await packConcur(join(temp.dir, 'packs'));
}, 120_000);
afterAll(() => temp.remove());

/** Run one step of the journey, unless npm was unreachable or an earlier step failed. */
function step(name: string, timeout: number, body: (ctx: TestContext) => Promise<void>): void {
  it(name, { timeout }, async (ctx) => {
    if (unreachable) ctx.skip(unreachable);
    if (failed) ctx.skip(`needs "${failed}", which failed`);
    try {
      await body(ctx);
    } catch (error) {
      failed = name;
      throw error;
    }
  });
}

/** `npm install` that marks the rest as skipped when npm is unreachable, outside CI. */
async function install(ctx: TestContext, args: readonly string[], cwd: string): Promise<void> {
  const ran = await npmInstall(args, cwd);
  if (ran.unreachable && !process.env.CI) {
    unreachable = `npm could not reach its cache or the registry (${ran.unreachable}); skipping the scaffold's end-to-end steps`;
    console.warn(unreachable);
    ctx.skip(unreachable);
  }
  expect(ran.stderr).not.toMatch(/E404/);
  expect(ran.code, ran.stderr).toBe(0);
}

step('packs every package of concur into a tarball', 10_000, async () => {
  expect(tarballs.map((file) => basename(file)).sort()).toEqual([
    'concur-core-0.1.0.tgz',
    'concur-strategy-async-0.1.0.tgz',
    'concur-strategy-process-0.1.0.tgz',
    'concur-strategy-python-0.1.0.tgz',
    'concur-strategy-queue-0.1.0.tgz',
    'concur-strategy-thread-0.1.0.tgz',
    'concur-tui-0.1.0.tgz',
    'concur-workloads-0.1.0.tgz',
  ]);
});

step('installs concur into an app from those tarballs alone', 300_000, async (ctx) => {
  await writeJson(join(app, 'package.json'), { name: 'my-app', private: true });
  await install(ctx, ['--save-dev', ...tarballs], app);
  const version = await run(process.execPath, [installed, '--version'], app);
  expect(version.stdout.trim()).toBe('0.1.0');
});

step('scaffolds a plugin with the installed concur, on the core it was run from', 60_000, async () => {
  const made = await concur(['new-strategy', 'my-pool'], temp.dir, installed);
  expect(made.stderr).toBe('');
  expect(made.code).toBe(0);
  await expect(access(join(plugin, 'vendor/concur-core-0.1.0.tgz'))).resolves.toBeUndefined();
  const pkg = JSON.parse(await readFile(join(plugin, 'package.json'), 'utf8'));
  expect(pkg.dependencies).toEqual({ '@concur/core': 'file:vendor/concur-core-0.1.0.tgz' });
});

step('installs the plugin from its vendored core and the npm cache', 300_000, async (ctx) => {
  await install(ctx, [], plugin);
  await expect(
    access(join(plugin, 'node_modules/@concur/core/dist/testkit/index.js')),
  ).resolves.toBeUndefined();
});

step('builds with its own build script', 180_000, async () => {
  const built = await run(npm, ['run', 'build'], plugin);
  expect(built.stderr + built.stdout).not.toMatch(/error TS/);
  expect(built.code).toBe(0);
  await expect(access(join(plugin, 'dist/index.js'))).resolves.toBeUndefined();
  await expect(access(join(plugin, 'dist/index.d.ts'))).resolves.toBeUndefined();
  await expect(access(join(plugin, 'dist/unit-entry.js'))).resolves.toBeUndefined();
});

step('passes concur’s conformance suite with its own test script', 180_000, async () => {
  const tested = await run(npm, ['test'], plugin);
  const output = tested.stdout + tested.stderr;
  expect(output).toMatch(/conformance\.test\.ts \(\d+ tests/);
  expect(output).not.toMatch(/\bfailed\b/);
  // Only the check that needs several items in flight on one unit is skipped: the scaffold takes one at a time.
  const skipped = Number(/\|\s*(\d+) skipped/.exec(output)?.[1] ?? 0);
  expect(skipped).toBeLessThanOrEqual(1);
  expect(tested.code).toBe(0);
});

step('is listed by the app once it depends on the plugin, and races there', 180_000, async (ctx) => {
  await install(ctx, ['--save-dev', '../concur-strategy-my-pool'], app);
  const list = await concurList(app, installed);
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
    installed,
  );
  expect(raced.stderr).toMatch(/my-pool ×\d+ run 1: .*6\/6 done/);
  expect(raced.code).toBe(0);
});

step('is listed by a project that names its folder in concur.config.json', 60_000, async () => {
  const other = join(temp.dir, 'other');
  await writeJson(join(other, 'concur.config.json'), { strategies: ['../concur-strategy-my-pool'] });
  const list = await concurList(other, installed);
  expect(list.strategies.find((s) => s.name === 'my-pool')?.source).toEqual({
    kind: 'config',
    from: 'concur.config.json',
    packageName: 'concur-strategy-my-pool',
  });
});
