import { InputError } from '../errors.js';

/** Check the numbers a user typed before anything starts: one line naming the input and the fix. */
export function checkPositiveInteger(input: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1)
    throw new InputError(`${input} must be a positive integer, got ${JSON.stringify(value)}`);
  return value;
}

/**
 * The longest wait Node's timers keep (2^31 - 1 ms, about 24.8 days): a longer one fires at once, which
 * would fail every item or unit start immediately with a false "timed out".
 */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/** A positive duration in ms that a timer can wait, or Infinity (no limit). */
export function checkTimeout(input: string, value: unknown): number {
  if (typeof value !== 'number' || Number.isNaN(value) || value <= 0)
    throw new InputError(
      `${input} must be a positive duration such as 30s or 500ms, got ${JSON.stringify(value)}`,
    );
  if (Number.isFinite(value) && value > MAX_TIMER_MS)
    throw new InputError(
      `${input} of ${value} ms is longer than Node's timers can wait (${MAX_TIMER_MS} ms, about 24.8 days); give at most 596h, or none for no limit`,
    );
  return value;
}
