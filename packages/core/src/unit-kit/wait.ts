/** What {@link withinMs} resolves to when the time ran out before the promise settled. */
export const TIMED_OUT: unique symbol = Symbol('timed out');

/**
 * Wait for `promise`, but for `ms` at most: its value (or its rejection), or {@link TIMED_OUT}. The promise
 * itself is left running. The timer is cleared as soon as the promise settles, so a wait that ends early
 * holds nothing, and one that does not keeps the process alive until it times out, as a bound should.
 * An endless `ms` (Infinity) waits for the promise alone.
 */
export async function withinMs<T>(promise: PromiseLike<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  if (!Number.isFinite(ms)) return await promise;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), Math.max(0, ms));
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
