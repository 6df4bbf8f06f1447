/**
 * `concur new-strategy NAME`: write a complete strategy plugin package that builds, passes concur's
 * conformance suite, and is found by `concur list` once a project depends on it. Nothing of concur itself
 * needs editing for that.
 */
import { mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { API_VERSION, InputError } from '@concur/core';
import { type StrategyNames, strategyNames } from './strategy-name.js';
import { gitignore, packageJson, type Tools, tsconfigJson, vitestConfig } from './templates/package-files.js';
import { readme } from './templates/readme.js';
import { indexSource, unitEntrySource, unitSource } from './templates/strategy-source.js';
import { conformanceTestSource } from './templates/test-source.js';
import { vendorCore } from './vendor-core.js';

export interface ScaffoldOptions {
  /** What the user typed: "my-pool". */
  readonly name: string;
  /** The package folder, relative to `cwd`; default `./concur-strategy-<name>`. */
  readonly dir?: string;
  readonly cwd: string;
}

export interface Scaffolded {
  readonly names: StrategyNames;
  /** Absolute path of the package folder. */
  readonly dir: string;
  /** As the user should type it to get there: "concur-strategy-my-pool", "../plugins/fast". */
  readonly shownDir: string;
  /** Files written, relative to `dir`: the sources, then the vendored core. */
  readonly files: readonly string[];
}

/**
 * The tools a new plugin is built and tested with: exactly the versions in concur's own package-lock.json
 * (a test keeps them equal). Exact, so that a new plugin is built with what concur is tested with, and so
 * that `npm install --prefer-offline` finds them in the npm cache of a machine that installed concur: a
 * range may resolve to a newer release than the cache holds, which only the registry has.
 */
const TOOL_VERSIONS: Tools = { typescript: '5.9.3', vitest: '4.1.12', nodeTypes: '20.19.43' };

export async function scaffoldStrategy(options: ScaffoldOptions): Promise<Scaffolded> {
  const names = strategyNames(options.name);
  const dir = resolve(options.cwd, options.dir ?? names.packageName);
  const shownDir = relative(options.cwd, dir) || '.';
  const existed = await checkTarget(dir, shownDir);
  // First, so that nothing else is written when it fails: the folder is then left as it was found.
  const core = await vendorCore(dir).catch(async (error: unknown) => {
    await rm(existed ? join(dir, 'vendor') : dir, { recursive: true, force: true });
    throw error;
  });
  const files: [string, string][] = [
    ['package.json', packageJson(names, core.file, TOOL_VERSIONS)],
    ['tsconfig.json', tsconfigJson()],
    ['vitest.config.ts', vitestConfig()],
    ['.gitignore', gitignore()],
    ['src/index.ts', indexSource(names, API_VERSION)],
    ['src/unit.ts', unitSource()],
    ['src/unit-entry.ts', unitEntrySource()],
    ['test/conformance.test.ts', conformanceTestSource()],
    ['README.md', readme(names, core)],
  ];
  for (const [file, text] of files) {
    await mkdir(dirname(join(dir, file)), { recursive: true });
    // `wx`: never overwrite, even if something appeared in the folder since it was checked.
    await writeFile(join(dir, file), text, { flag: 'wx' });
  }
  return { names, dir, shownDir, files: [...files.map(([file]) => file), core.file] };
}

/**
 * The target must not exist, or be an empty folder: a scaffold never overwrites anyone's files. Returns
 * whether it exists.
 */
async function checkTarget(dir: string, shownDir: string): Promise<boolean> {
  const info = await stat(dir).catch(() => undefined);
  if (!info) return false;
  if (!info.isDirectory())
    throw new InputError(`${shownDir} exists and is a file; choose another folder with --dir`);
  if ((await readdir(dir)).length > 0)
    throw new InputError(
      `${shownDir} already exists and is not empty; choose another folder with --dir, or remove it first`,
    );
  return true;
}
