// Wait, then work: each item downloads a body, then runs a JavaScript checksum over it `passes` times.
// The wait wants concurrency, the checksum wants a free core.
import { defineTask } from '@concur/core/runtime';
import { closeConnections, type GetInput, get } from '../client/get.js';

export interface MixedInput extends GetInput {
  readonly passes: number;
}

export interface MixedOutput {
  readonly status: number;
  readonly bytes: number;
  readonly checksum: number;
}

export default defineTask<MixedInput, MixedOutput>({
  name: 'mixed',
  kind: 'mixed',
  async run(input, ctx) {
    const { status, body } = await get(input, ctx);
    let checksum = 0;
    for (let pass = 0; pass < input.passes; pass++) {
      for (let i = 0; i < body.length; i++) checksum = (Math.imul(checksum, 31) + (body[i] as number)) >>> 0;
      ctx.progress((pass + 1) / input.passes);
      if (ctx.signal.aborted) throw ctx.signal.reason;
    }
    return { status, bytes: body.length, checksum };
  },
  teardown: closeConnections,
});
