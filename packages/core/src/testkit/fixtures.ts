/** File URLs of the plain-JavaScript tasks the conformance suite runs; authors may reuse them in their own tests. */
const fixture = (file: string): string => new URL(`../../fixtures/${file}`, import.meta.url).href;

export const fixtureTasks = {
  echo: fixture('echo.mjs'),
  setupCount: fixture('setup-count.mjs'),
  throws: fixture('throws.mjs'),
  interval: fixture('interval.mjs'),
  progress: fixture('progress.mjs'),
  busyLoop: fixture('busy-loop.mjs'),
  neverSettles: fixture('never-settles.mjs'),
  exit: fixture('exit.mjs'),
  prints: fixture('prints.mjs'),
  /** Settles its item, then throws uncaught in the same turn: a unit must still report the result. */
  answersThenThrows: fixture('answers-then-throws.mjs'),
} as const;
