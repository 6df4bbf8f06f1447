/**
 * Turn the strings a user typed into checked values. Every mistake is an InputError naming the flag, what
 * it expects and what it got, so the command can print it as one line and exit with status 2.
 */
import { InputError } from '@concur/core';
import { splitParamFlag } from '@concur/core/orchestrate';

/** The longest wait Node's timers keep (2^31 - 1 ms). */
const MAX_TIMER_MS = 2 ** 31 - 1;

const UNIT_MS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, min: 60_000, h: 3_600_000 };

/**
 * "30s", "500ms", "2m", "1.5s" → milliseconds; "none" or "off" → Infinity (items may run for ever).
 * A bare number is refused: "30" could mean seconds or milliseconds, and guessing wrong is silent.
 */
export function parseDuration(flag: string, text: string): number {
  const trimmed = text.trim().toLowerCase();
  if (trimmed === 'none' || trimmed === 'off') return Number.POSITIVE_INFINITY;
  const match = /^(\d+(?:\.\d+)?|\.\d+)\s*(ms|s|m|min|h)$/.exec(trimmed);
  const unit = match?.[2] === undefined ? undefined : UNIT_MS[match[2]];
  const ms = match?.[1] === undefined || unit === undefined ? Number.NaN : Number(match[1]) * unit;
  if (!(ms > 0))
    throw new InputError(
      `${flag} must be a positive duration such as 30s, 500ms or 2m (or "none"), got ${JSON.stringify(text)}`,
    );
  // Node's timers wait at most 2^31 - 1 ms: a longer limit would fire at once and fail everything.
  if (ms > MAX_TIMER_MS)
    throw new InputError(
      `${flag} ${text} is longer than Node's timers can wait (about 24.8 days); give at most 596h, or "none" for no limit`,
    );
  return ms;
}

/** A whole number ≥ `min`: "--runs must be an integer ≥ 1, got "0"". */
export function parseCount(flag: string, text: string, min: number): number {
  const trimmed = text.trim();
  const value = /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < min)
    throw new InputError(`${flag} must be an integer ≥ ${min}, got ${JSON.stringify(text)}`);
  return value;
}

/** "4" or "1,2,4,8" → positive integers, each once, in the order given (a sweep). */
export function parseConcurrency(text: string): number[] {
  const parts = text.split(',').map((part) => part.trim());
  const levels = parts.map((part) => {
    const value = /^\d+$/.test(part) ? Number(part) : Number.NaN;
    if (!Number.isSafeInteger(value) || value < 1)
      throw new InputError(
        `--concurrency must be a positive integer or a list such as 1,2,4,8, got ${JSON.stringify(text)}`,
      );
    return value;
  });
  return [...new Set(levels)];
}

/** "process, thread" → ["process", "thread"]; an empty entry ("a,,b") is a typo worth naming. */
export function parseNameList(flag: string, text: string): string[] {
  const names = text.split(',').map((name) => name.trim());
  if (names.some((name) => name === ''))
    throw new InputError(
      `${flag} must be a comma-separated list of names such as thread,async, got ${JSON.stringify(text)}`,
    );
  return [...new Set(names)];
}

/** Every `--param name=value`, as raw strings that resolveParams checks against the workload's specs. */
export function parseParams(flags: readonly string[]): Record<string, string> {
  const params: Record<string, string> = {};
  for (const flag of flags) {
    const [name, value] = splitParamFlag(flag);
    if (name === '') throw new InputError(`--param must look like name=value, got ${JSON.stringify(flag)}`);
    params[name] = value;
  }
  return params;
}

/**
 * Every `--option strategy.key=value`, grouped by strategy. Values that read as JSON (numbers, booleans,
 * null, arrays, objects) are parsed; anything else stays a string, so `--option process.execArgv=--foo` works.
 */
export function parseStrategyOptions(flags: readonly string[]): Record<string, Record<string, unknown>> {
  const options: Record<string, Record<string, unknown>> = {};
  for (const flag of flags) {
    const match = /^([^.=\s]+)\.([^=\s]+)=(.*)$/s.exec(flag);
    const [, strategy, key, value] = match ?? [];
    if (strategy === undefined || key === undefined || value === undefined)
      throw new InputError(
        `--option must look like strategy.key=value (e.g. thread.inFlight=2), got ${JSON.stringify(flag)}`,
      );
    options[strategy] ??= {};
    options[strategy][key] = parseOptionValue(value);
  }
  return options;
}

function parseOptionValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Commander collects a repeated flag into an array with this. */
export function collect(value: string, previous: readonly string[] = []): string[] {
  return [...previous, value];
}
