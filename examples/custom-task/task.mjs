// A task of your own, in plain JavaScript: is n prime? Trial division up to √n, so bigger numbers take
// longer — CPU-bound work, the kind that wants parallel units. Race it with:
//
//   npx concur run --task examples/custom-task/task.mjs --inputs examples/custom-task/inputs.json
import { defineTask } from '@concur/core/runtime';

/** Report progress every this many trial divisors: often enough to see, rarely enough to cost nothing. */
const REPORT_EVERY = 1_000_000;

export default defineTask({
  name: 'is-prime',
  kind: 'cpu',
  /** @param {number} n a safe integer; @returns {{ n: number, prime: boolean, factor: number | null }} */
  run(n, ctx) {
    if (!Number.isSafeInteger(n)) throw new TypeError(`expected a safe integer, got ${JSON.stringify(n)}`);
    if (n < 2) return { n, prime: false, factor: null };
    if (n % 2 === 0) return { n, prime: n === 2, factor: 2 };
    const limit = Math.floor(Math.sqrt(n));
    for (let divisor = 3, next = REPORT_EVERY; divisor <= limit; divisor += 2) {
      if (n % divisor === 0) return { n, prime: false, factor: divisor };
      if (divisor >= next) {
        next += REPORT_EVERY;
        ctx.progress(divisor / limit);
        if (ctx.signal.aborted) throw ctx.signal.reason;
      }
    }
    // `factor` is the smallest factor above 1: n itself when n is prime.
    return { n, prime: true, factor: n };
  },
});
