/** The options a user can give the python-* strategies (`--option python.bin=PATH`), checked in one place. */
import { InputError, inputProblem } from '@concur/core';
import { DEFAULT_BIN } from './interpreter.js';

export interface PythonOptions {
  /** The interpreter to run: a name on PATH or a path. */
  readonly bin: string;
  /** Items one unit takes at once: python-asyncio only (its coroutines), 1 elsewhere. */
  readonly inFlight: number;
  /** Bytes of stdout plus stderr forwarded per unit; the rest is dropped with one note. */
  readonly maxOutputBytes: number;
}

export const DEFAULT_OPTIONS: PythonOptions = { bin: DEFAULT_BIN, inFlight: 1, maxOutputBytes: 1024 * 1024 };

const show = (value: unknown): string => JSON.stringify(value) ?? String(value);

function positiveInteger(name: string, value: unknown): number {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isInteger(number) || number < 1)
    throw new InputError(`\`${name}\` must be a positive integer, got ${show(value)}`);
  return number;
}

/** Check and normalise the options of strategy `name`; throws an InputError naming the first bad one. */
export function parseOptions(name: string, raw: Readonly<Record<string, unknown>>): PythonOptions {
  const known = name === 'python-asyncio' ? ['bin', 'inFlight', 'maxOutputBytes'] : ['bin', 'maxOutputBytes'];
  for (const key of Object.keys(raw))
    if (!known.includes(key))
      throw new InputError(`unknown option \`${key}\` for strategy ${name}; it knows ${known.join(', ')}`);
  if (raw.bin !== undefined && (typeof raw.bin !== 'string' || raw.bin.trim() === ''))
    throw new InputError(
      `\`bin\` must be a Python interpreter's name or path such as "python3.13t", got ${show(raw.bin)}`,
    );
  return {
    bin: typeof raw.bin === 'string' ? raw.bin : DEFAULT_OPTIONS.bin,
    inFlight:
      raw.inFlight === undefined ? DEFAULT_OPTIONS.inFlight : positiveInteger('inFlight', raw.inFlight),
    maxOutputBytes:
      raw.maxOutputBytes === undefined
        ? DEFAULT_OPTIONS.maxOutputBytes
        : positiveInteger('maxOutputBytes', raw.maxOutputBytes),
  };
}

export const optionsProblem = (name: string) => (raw: Readonly<Record<string, unknown>>) =>
  inputProblem(() => parseOptions(name, raw));
