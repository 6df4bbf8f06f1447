/**
 * The project's `concur.config.{json,mjs,js}`: extra plugins to load, as package names or paths relative
 * to the config file. `{ "strategies": ["my-pool", "./plugins/fast.mjs"], "workloads": ["./bench"] }`.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { InputError } from '../errors.js';
import { exists } from './find-package.js';
import { firstLine } from './first-line.js';
import { readJsonFile } from './read-json.js';

export const CONFIG_FILES = ['concur.config.json', 'concur.config.mjs', 'concur.config.js'] as const;

export interface ProjectConfig {
  /** Absolute path of the config file. */
  readonly file: string;
  /** Its file name, as messages show it: "concur.config.json". */
  readonly name: string;
  readonly strategies: readonly string[];
  readonly workloads: readonly string[];
}

const KEYS = ['strategies', 'workloads'] as const;

/** The config file in `cwd`, checked; undefined when there is none. Throws InputError when it is malformed. */
export async function readConfig(cwd: string): Promise<ProjectConfig | undefined> {
  const found: string[] = [];
  for (const name of CONFIG_FILES) if (await exists(join(cwd, name))) found.push(name);
  if (found.length > 1)
    throw new InputError(
      `found both ${found.join(' and ')}; keep one concur config file and delete the other`,
    );
  const name = found[0];
  if (name === undefined) return undefined;
  const file = join(cwd, name);
  const value = name.endsWith('.json') ? await readJson(file, name) : await importConfig(file, name);
  return { file, name, ...checkConfig(value, name) };
}

async function readJson(file: string, name: string): Promise<unknown> {
  const read = await readJsonFile(file);
  if (read === 'missing') throw new InputError(`${name} disappeared while it was being read; run again`);
  if (!read.ok) throw new InputError(`${name} ${read.problem}; fix the syntax`);
  return read.value;
}

async function importConfig(file: string, name: string): Promise<unknown> {
  let mod: { default?: unknown };
  try {
    mod = (await import(pathToFileURL(file).href)) as { default?: unknown };
  } catch (error) {
    throw new InputError(`${name} threw on import: ${firstLine(error)}; fix the file`);
  }
  if (mod.default === undefined)
    throw new InputError(
      `${name} has no default export; write \`export default { strategies: [], workloads: [] }\``,
    );
  return mod.default;
}

function checkConfig(value: unknown, name: string): Pick<ProjectConfig, 'strategies' | 'workloads'> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new InputError(
      `${name} must hold an object such as { "strategies": ["my-pool"], "workloads": [] }, got ${JSON.stringify(value)}`,
    );
  const config = value as Record<string, unknown>;
  for (const key of Object.keys(config))
    if (!(KEYS as readonly string[]).includes(key))
      throw new InputError(`${name}: unknown key \`${key}\`; the keys are \`strategies\` and \`workloads\``);
  return {
    strategies: checkList(config.strategies, 'strategies', name),
    workloads: checkList(config.workloads, 'workloads', name),
  };
}

function checkList(value: unknown, key: string, name: string): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value))
    throw new InputError(
      `${name}: \`${key}\` must be an array of package names or paths, got ${JSON.stringify(value)}`,
    );
  value.forEach((entry, index) => {
    if (typeof entry !== 'string' || entry.trim() === '')
      throw new InputError(
        `${name}: \`${key}[${index}]\` must be a package name or a path such as "./plugins/fast.mjs", got ${JSON.stringify(entry)}`,
      );
  });
  return value as string[];
}
