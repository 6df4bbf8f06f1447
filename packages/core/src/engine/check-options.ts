import { InputError } from '../errors.js';

/** Check the numbers a user typed before anything starts: one line naming the input and the fix. */
export function checkPositiveInteger(input: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1)
    throw new InputError(`${input} must be a positive integer, got ${JSON.stringify(value)}`);
  return value;
}

export function checkTimeout(input: string, value: unknown): number {
  if (typeof value !== 'number' || Number.isNaN(value) || value <= 0)
    throw new InputError(
      `${input} must be a positive duration such as 30s or 500ms, got ${JSON.stringify(value)}`,
    );
  return value;
}
