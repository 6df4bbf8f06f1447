/**
 * How the command ends: exit statuses, and errors printed as one line (`concur: <message>`) with the stack
 * only under `--debug`.
 */
import { InputError } from '@concur/core';

export const EXIT = {
  ok: 0,
  /** The comparison ran, but some items failed. */
  itemsFailed: 1,
  /** Bad input: a flag, a name, a file. Nothing ran. */
  badInput: 2,
} as const;

/** A commander parse error (unknown option, missing argument) carried out of exitOverride. */
export class UsageError extends InputError {
  override name = 'UsageError';
}

/** Print `error` for a user and return the exit status it deserves. */
export function reportError(error: unknown, stderr: NodeJS.WritableStream, debug: boolean): number {
  const bad = error instanceof InputError;
  const message = error instanceof Error ? error.message : String(error);
  stderr.write(`concur: ${oneLine(message)}\n`);
  if (debug && error instanceof Error && error.stack) stderr.write(`${error.stack}\n`);
  return bad ? EXIT.badInput : EXIT.itemsFailed;
}

/** Commander's messages start with "error: " and may span lines; one line reads best after "concur: ". */
export function oneLine(message: string): string {
  return message
    .replace(/^error:\s*/i, '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .join(' ');
}
