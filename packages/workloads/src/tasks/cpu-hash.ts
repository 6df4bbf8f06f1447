// CPU work in native code called synchronously from JavaScript: a chain of SHA-256 digests over a buffer.
// Each call blocks the calling thread, so units on one event loop take turns.
import { createHash } from 'node:crypto';
import { defineTask } from '@concur/core/runtime';

export interface CpuHashInput {
  /** Fills the buffer, so items differ. */
  readonly seed: number;
  readonly bytes: number;
  readonly rounds: number;
}

export default defineTask<CpuHashInput, string>({
  name: 'cpu-hash',
  kind: 'cpu',
  run({ seed, bytes, rounds }, ctx) {
    const buffer = Buffer.alloc(bytes, seed % 256);
    let digest = Buffer.alloc(0);
    for (let round = 0; round < rounds; round++) {
      digest = createHash('sha256').update(digest).update(buffer).digest();
      ctx.progress((round + 1) / rounds);
      if (ctx.signal.aborted) throw ctx.signal.reason;
    }
    return digest.toString('hex');
  },
});
