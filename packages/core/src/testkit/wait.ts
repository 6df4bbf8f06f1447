import { TIMED_OUT, withinMs } from '../unit-kit/wait.js';

/**
 * Every wait of the conformance suite goes through here, bounded and with a sentence that says what it
 * waited for: a check that times out names the promise the strategy broke, not the test runner's timeout.
 */

/** "250 ms", "3 s", "1.5 s". */
export function duration(ms: number): string {
  return ms < 1_000 ? `${ms} ms` : `${Number((ms / 1_000).toFixed(1))} s`;
}

/** Thrown when a bounded wait ran out; its message is the sentence the caller gave. */
export class WaitTimeout extends Error {
  override name = 'WaitTimeout';
}

/**
 * Resolve with `promise`, or fail after `ms` with `message` (written to read "kill() did not resolve within
 * 3 s", which `duration(ms)` helps to say). A rejection passes through unchanged.
 */
export async function waitFor<T>(promise: PromiseLike<T>, ms: number, message: string): Promise<T> {
  const settled = await withinMs(promise, ms);
  if (settled === TIMED_OUT) throw new WaitTimeout(message);
  return settled;
}

/** Check `condition` every `everyMs` until it holds; fail after `ms` with `message`. */
export async function pollUntil(
  condition: () => boolean,
  ms: number,
  message: string,
  everyMs = 20,
): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() >= deadline) throw new WaitTimeout(message);
    await pause(everyMs);
  }
}

export const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
