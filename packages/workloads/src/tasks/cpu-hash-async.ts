// CPU work that Node runs off the main thread: crypto.pbkdf2 with a callback goes to libuv's thread pool
// (4 threads unless UV_THREADPOOL_SIZE says otherwise), so even units sharing one event loop get several
// cores' help.
import { pbkdf2 } from 'node:crypto';
import { promisify } from 'node:util';
import { defineTask } from '@concur/core/runtime';

const pbkdf2Async = promisify(pbkdf2);

export interface CpuHashAsyncInput {
  readonly seed: number;
  /** PBKDF2-SHA512 iterations in all, spread over `steps` calls so that progress can be reported. */
  readonly iterations: number;
  readonly steps: number;
}

export default defineTask<CpuHashAsyncInput, string>({
  name: 'cpu-hash-async',
  kind: 'cpu',
  async run({ seed, iterations, steps }, ctx) {
    const perStep = Math.max(1, Math.round(iterations / steps));
    let key = Buffer.from(`concur-${seed}`);
    for (let step = 0; step < steps; step++) {
      key = await pbkdf2Async(key, 'concur', perStep, 32, 'sha512');
      ctx.progress((step + 1) / steps);
      if (ctx.signal.aborted) throw ctx.signal.reason;
    }
    return key.toString('hex');
  },
});
