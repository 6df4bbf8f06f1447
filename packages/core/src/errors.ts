/**
 * Bad input from a user: a flag, a param, a config file, a plugin manifest, a task module. The CLI prints
 * `message` as one line and exits with status 2; no stack trace unless `--debug`.
 */
export class InputError extends Error {
  override name = 'InputError';
}

/** "`concurrency` must be a positive integer, got 0": the input, what was expected, what it was. */
export function expected(input: string, what: string, got: unknown): InputError {
  return new InputError(`${input} must be ${what}, got ${JSON.stringify(got)}`);
}

/**
 * The one line a `validateOptions` returns: run `check` (a parser that throws an InputError for bad input)
 * and give its message, or undefined when the input is fine. Any other error is a bug and is rethrown.
 */
export function inputProblem(check: () => unknown): string | undefined {
  try {
    check();
    return undefined;
  } catch (error) {
    if (error instanceof InputError) return error.message;
    throw error;
  }
}
