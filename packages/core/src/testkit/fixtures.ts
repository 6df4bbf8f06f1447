/**
 * File URLs of the plain-JavaScript tasks the conformance suite runs; authors may reuse them in their own
 * tests. A strategy whose units run another runtime (Python, a job queue's workers) passes twins of these
 * to `strategyConformance` as `tasks`: each twin must behave as described here, with the same inputs and
 * outputs.
 */
const fixture = (file: string): string => new URL(`../../fixtures/${file}`, import.meta.url).href;

export const fixtureTasks = {
  /** Returns its input unchanged. */
  echo: fixture('echo.mjs'),
  /** Appends `input.n` and a newline to the file `input.log`, then returns its input unchanged. */
  logsCalls: fixture('logs-calls.mjs'),
  /** Every item returns how many times setup has run in this unit (module-level counter). */
  setupCount: fixture('setup-count.mjs'),
  /** Throws an Error whose message is `String(input)`. */
  throws: fixture('throws.mjs'),
  /** Waits `input.ms` on a timer; returns `{ start, end }` on the shared wall clock (epoch milliseconds). */
  interval: fixture('interval.mjs'),
  /** Reports progress 0.5 (after many smaller calls), waits `input.ms`, returns 'done'. */
  progress: fixture('progress.mjs'),
  /** Spins forever without yielding. */
  busyLoop: fixture('busy-loop.mjs'),
  /** Spins forever without yielding, writing `Date.now()` to the file `input.file` about every 20 ms. */
  heartbeat: fixture('heartbeat.mjs'),
  /** Returns a promise that never settles and ignores its signal. */
  neverSettles: fixture('never-settles.mjs'),
  /** Ends the unit's process with exit code `input`; an input `{ code, afterMs }` waits `afterMs` first. */
  exit: fixture('exit.mjs'),
  /** Prints `out:<input>` to stdout and `err:<input>` to stderr, then returns its input. */
  prints: fixture('prints.mjs'),
  /** Returns a function (which structured clone refuses) for the input 'function', else its input. */
  returnsUncloneable: fixture('returns-uncloneable.mjs'),
  /** Returns its input; its teardown writes `teardown-<unit>` in the folder `input.dir` of its first item. */
  teardownMarker: fixture('teardown-marker.mjs'),
  /**
   * Returns its input; its teardown never settles, and meanwhile writes `Date.now()` to `teardown-heartbeat`
   * in the folder `input.dir` of its first item about every 20 ms (for 15 s at most).
   */
  teardownHangs: fixture('teardown-hangs.mjs'),
  /** Settles its item, then throws uncaught in the same turn: a unit must still report the result. */
  answersThenThrows: fixture('answers-then-throws.mjs'),
} as const;

/** The conformance suite's task references, by role: `fixtureTasks`, or a runtime's twins of them. */
export type FixtureTasks = { readonly [K in keyof typeof fixtureTasks]: string };
