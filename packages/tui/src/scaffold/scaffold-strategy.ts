/**
 * `concur new-strategy NAME`: write a complete strategy plugin package that builds, passes concur's
 * conformance suite, and is found by `concur list` once a project depends on it. Nothing of concur itself
 * needs editing for that.
 */
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { API_VERSION, InputError } from '@concur/core';
import { type StrategyNames, strategyNames } from './strategy-name.js';
import { gitignore, packageJson, tsconfigJson, type Versions } from './templates/package-files.js';
import { readme } from './templates/readme.js';
import { indexSource, unitSource } from './templates/strategy-source.js';
import { conformanceTestSource } from './templates/test-source.js';

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
  /** Files written, relative to `dir`, in order. */
  readonly files: readonly string[];
}

/** The tools a new plugin is built and tested with; the ranges concur itself is built with. */
const TOOL_VERSIONS = { typescript: '~5.9.3', vitest: '^4.1.0', nodeTypes: '^20.19.0' } as const;

export async function scaffoldStrategy(options: ScaffoldOptions): Promise<Scaffolded> {
  const names = strategyNames(options.name);
  const dir = resolve(options.cwd, options.dir ?? names.packageName);
  const shownDir = relative(options.cwd, dir) || '.';
  await checkTarget(dir, shownDir);
  const versions: Versions = { core: await coreVersion(), ...TOOL_VERSIONS };
  const files: [string, string][] = [
    ['package.json', packageJson(names, versions)],
    ['tsconfig.json', tsconfigJson()],
    ['.gitignore', gitignore()],
    ['src/index.ts', indexSource(names, API_VERSION)],
    ['src/unit.ts', unitSource(names)],
    ['test/conformance.test.ts', conformanceTestSource()],
    ['README.md', readme(names)],
  ];
  for (const [file, text] of files) {
    await mkdir(dirname(join(dir, file)), { recursive: true });
    // `wx`: never overwrite, even if something appeared in the folder since it was checked.
    await writeFile(join(dir, file), text, { flag: 'wx' });
  }
  return { names, dir, shownDir, files: files.map(([file]) => file) };
}

/** The target must not exist, or be an empty folder: a scaffold never overwrites anyone's files. */
async function checkTarget(dir: string, shownDir: string): Promise<void> {
  const info = await stat(dir).catch(() => undefined);
  if (!info) return;
  if (!info.isDirectory())
    throw new InputError(`${shownDir} exists and is a file; choose another folder with --dir`);
  if ((await readdir(dir)).length > 0)
    throw new InputError(
      `${shownDir} already exists and is not empty; choose another folder with --dir, or remove it first`,
    );
}

/** The version of @concur/core this concur runs, so that a new plugin depends on a core that speaks its contract. */
async function coreVersion(): Promise<string> {
  const file = new URL(import.meta.resolve('@concur/core/package.json'));
  const { version } = JSON.parse(await readFile(file, 'utf8')) as { version?: unknown };
  if (typeof version !== 'string') throw new Error('@concur/core has no version. This is a bug in concur.');
  return version;
}
