import { spawnSync } from 'node:child_process';
import { InputError, inputProblem } from '@concur/core';
/** The options a user can give this strategy (`--option key=value`), checked and normalised in one place. */

export interface ProcessOptions {
  /** Items the engine may have in flight on one unit at once. */
  readonly inFlight: number;
  /** Extra Node.js flags for every unit, after the engine's own inheritable flags. */
  readonly execArgv: readonly string[];
  /** Extra environment variables for every unit, on top of the engine's environment. */
  readonly env: Readonly<Record<string, string>>;
  /** Bytes of stdout plus stderr forwarded per unit; the rest is dropped with one note. */
  readonly maxOutputBytes: number;
}

export const DEFAULT_OPTIONS: ProcessOptions = {
  inFlight: 1,
  execArgv: [],
  env: {},
  maxOutputBytes: 1024 * 1024,
};

const KNOWN = Object.keys(DEFAULT_OPTIONS);

const show = (value: unknown): string => {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
};

function positiveInteger(name: string, value: unknown): number {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isInteger(number) || number < 1)
    throw new InputError(`\`${name}\` must be a positive integer, got ${show(value)}`);
  return number;
}

/** A list of flags, or one string of flags separated by spaces (as typed on a command line). */
function flags(value: unknown): string[] {
  const list = typeof value === 'string' ? value.split(/\s+/).filter(Boolean) : value;
  if (!Array.isArray(list) || !list.every((flag) => typeof flag === 'string' && flag.startsWith('-')))
    throw new InputError(
      `\`execArgv\` must be Node.js flags such as "--max-old-space-size=256", got ${show(value)}`,
    );
  return list;
}

/** An object of variables, or one string "NAME=value,OTHER=value" (as typed on a command line). */
function environment(value: unknown): Record<string, string> {
  const bad = () =>
    new InputError(
      `\`env\` must be variables such as { "NAME": "value" } or "NAME=value,OTHER=2", got ${show(value)}`,
    );
  if (typeof value === 'string') {
    const env: Record<string, string> = {};
    for (const pair of value.split(',').filter((p) => p.trim() !== '')) {
      const at = pair.indexOf('=');
      if (at < 1) throw bad();
      env[pair.slice(0, at).trim()] = pair.slice(at + 1);
    }
    return env;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw bad();
  const env: Record<string, string> = {};
  for (const [name, v] of Object.entries(value)) {
    if (!['string', 'number', 'boolean'].includes(typeof v)) throw bad();
    env[name] = String(v);
  }
  return env;
}

/** Check and normalise the user's options; throws an {@link InputError} naming the first bad one. */
export function parseOptions(raw: Readonly<Record<string, unknown>>): ProcessOptions {
  for (const name of Object.keys(raw))
    if (!KNOWN.includes(name))
      throw new InputError(`unknown option \`${name}\` for strategy process; it knows ${KNOWN.join(', ')}`);
  return {
    inFlight:
      raw.inFlight === undefined ? DEFAULT_OPTIONS.inFlight : positiveInteger('inFlight', raw.inFlight),
    execArgv: raw.execArgv === undefined ? DEFAULT_OPTIONS.execArgv : flags(raw.execArgv),
    env: raw.env === undefined ? DEFAULT_OPTIONS.env : environment(raw.env),
    maxOutputBytes:
      raw.maxOutputBytes === undefined
        ? DEFAULT_OPTIONS.maxOutputBytes
        : positiveInteger('maxOutputBytes', raw.maxOutputBytes),
  };
}

/** The one line for `validateOptions`, or undefined when the options are fine. */
export function optionsProblem(raw: Readonly<Record<string, unknown>>): string | undefined {
  return inputProblem(() => checkNodeAccepts(parseOptions(raw).execArgv));
}

/** Flags already known to start Node, so that each run's check costs one start at most. */
const accepted = new Set<string>();

/**
 * Whether Node really starts with these flags: only Node knows every flag of its version, and a unit that
 * cannot start would otherwise fail every item of the run instead of stopping concur before it measures.
 */
function checkNodeAccepts(flags: readonly string[]): void {
  const key = flags.join('\0');
  if (flags.length === 0 || accepted.has(key)) return;
  const result = spawnSync(process.execPath, [...flags, '-e', '0'], { encoding: 'utf8', timeout: 10_000 });
  if (result.status === 0) {
    accepted.add(key);
    return;
  }
  const said = result.stderr.trim().split('\n')[0] ?? '';
  throw new InputError(
    `\`execArgv\`: Node.js refused ${flags.join(' ')}${said ? ` (${said})` : ''}; give flags that \`node\` accepts, such as "--max-old-space-size=256"`,
  );
}
