/**
 * `promise`, or `fallback` once `ms` have passed, whichever comes first. The timer is cleared as soon as
 * the promise settles and never keeps the process alive.
 */
export function withinMs<T, F = undefined>(promise: Promise<T>, ms: number, fallback?: F): Promise<T | F> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<F>((resolve) => {
    timer = setTimeout(() => resolve(fallback as F), ms);
    timer.unref();
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}
