// The article's CPU-bound loop: `count += i` for every i below n, in plain JavaScript.
import { defineTask } from '@concur/core/runtime';

/** Report progress after each chunk: a few million additions, so the call costs nothing measurable. */
const CHUNK = 4_000_000;

export default defineTask<number, number>({
  name: 'cpu-sum',
  kind: 'cpu',
  run(n, ctx) {
    let count = 0;
    for (let start = 0; start < n; start += CHUNK) {
      const end = Math.min(n, start + CHUNK);
      for (let i = start; i < end; i++) count += i;
      ctx.progress(end / n);
      if (ctx.signal.aborted) throw ctx.signal.reason;
    }
    // Returned so the work cannot be optimised away. Exact while n(n-1)/2 < 2^53, i.e. n below ~134 million;
    // above that it is the floating-point sum, as the loop computes it.
    return count;
  },
});
