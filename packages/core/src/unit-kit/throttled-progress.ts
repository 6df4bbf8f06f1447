import { performance } from 'node:perf_hooks';

/**
 * Wrap `send` so that calling the result as often as a task likes sends at most one message per
 * `intervalMs`, always the latest value. The check runs inside the call, not only on a timer, so a task
 * that reports progress from a loop that never yields is still seen; the trailing timer delivers the last
 * value once the calls stop.
 */
export function throttledProgress(
  send: (fraction: number) => void,
  intervalMs: number,
): (fraction: number) => void {
  let latest = 0;
  let sent = Number.NaN;
  let sentAt = Number.NEGATIVE_INFINITY;
  let timer: NodeJS.Timeout | undefined;

  const flush = (): void => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (latest === sent) return;
    sent = latest;
    sentAt = performance.now();
    send(latest);
  };

  return (fraction) => {
    latest = fraction;
    const wait = sentAt + intervalMs - performance.now();
    if (wait <= 0) flush();
    else if (!timer) timer = setTimeout(flush, wait).unref();
  };
}
