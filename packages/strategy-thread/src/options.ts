/**
 * The thread strategy's options, as a user gives them (`--option inFlight=4`, so numbers may arrive as
 * strings) or as code passes them (`{ resourceLimits: { maxOldGenerationSizeMb: 64 } }`).
 */
import type { ResourceLimits } from 'node:worker_threads';
import { expected, InputError, inputProblem } from '@concur/core';
import { DEFAULT_MAX_OUTPUT_BYTES } from '@concur/core/runtime';

export interface ThreadOptions {
  /** Items one unit may run at once. More than 1 makes each thread a small event loop of its own. */
  readonly inFlight: number;
  /** `share`: workers read and write the main thread's `process.env`; `copy`: each gets its own copy. */
  readonly env: 'share' | 'copy';
  /** Passed to `new Worker()`: the worker's own heap and stack limits. */
  readonly resourceLimits: ResourceLimits;
  /** What one unit may print before the rest of its output is dropped. */
  readonly maxOutputBytes: number;
}

const LIMIT_KEYS = [
  'maxOldGenerationSizeMb',
  'maxYoungGenerationSizeMb',
  'codeRangeSizeMb',
  'stackSizeMb',
] as const satisfies readonly (keyof ResourceLimits)[];

const KNOWN_KEYS: readonly string[] = ['inFlight', 'env', 'maxOutputBytes', 'resourceLimits', ...LIMIT_KEYS];

/** Check and normalise the options. Throws an InputError whose message names the option and the fix. */
export function readThreadOptions(raw: Readonly<Record<string, unknown>>): ThreadOptions {
  for (const key of Object.keys(raw))
    if (!KNOWN_KEYS.includes(key))
      throw new InputError(`unknown thread option \`${key}\`; known options: ${KNOWN_KEYS.join(', ')}`);

  const inFlight = raw.inFlight === undefined ? 1 : toNumber(raw.inFlight);
  if (!Number.isInteger(inFlight) || inFlight < 1)
    throw expected('`inFlight`', 'a positive integer', raw.inFlight);

  const maxOutputBytes =
    raw.maxOutputBytes === undefined ? DEFAULT_MAX_OUTPUT_BYTES : toNumber(raw.maxOutputBytes);
  if (!Number.isInteger(maxOutputBytes) || maxOutputBytes < 1)
    throw expected('`maxOutputBytes`', 'a positive integer', raw.maxOutputBytes);

  const env = raw.env ?? 'copy';
  if (env !== 'share' && env !== 'copy') throw expected('`env`', '"share" or "copy"', raw.env);

  const nested = raw.resourceLimits ?? {};
  if (typeof nested !== 'object' || nested === null || Array.isArray(nested))
    throw expected('`resourceLimits`', `an object with any of ${LIMIT_KEYS.join(', ')}`, nested);
  const given: Record<string, unknown> = { ...nested };
  for (const key of LIMIT_KEYS) if (raw[key] !== undefined) given[key] = raw[key];

  const resourceLimits: Record<string, number> = {};
  for (const [key, value] of Object.entries(given)) {
    if (!(LIMIT_KEYS as readonly string[]).includes(key))
      throw new InputError(
        `unknown key \`resourceLimits.${key}\`; known keys: ${LIMIT_KEYS.join(', ')} (sizes in MB)`,
      );
    const mb = toNumber(value);
    if (!(mb > 0)) throw expected(`\`${key}\``, 'a positive number of megabytes', value);
    resourceLimits[key] = mb;
  }
  return { inFlight, env, resourceLimits, maxOutputBytes };
}

/** The one-line problem with `raw`, or undefined when it is fine. */
export function threadOptionsProblem(raw: Readonly<Record<string, unknown>>): string | undefined {
  return inputProblem(() => readThreadOptions(raw));
}

/** Numbers from a command line arrive as text: accept "4" as 4, nothing looser. */
function toNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(value)) return Number(value);
  return Number.NaN;
}
