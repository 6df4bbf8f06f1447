// The article's I/O-bound download: one HTTP GET per item. The unit spends the wait on the network, not
// on the CPU.
import { defineTask } from '@concur/core/runtime';
import { closeConnections, type GetInput, get } from '../client/get.js';

export interface HttpGetOutput {
  readonly status: number;
  /** Length of the body in bytes. */
  readonly bytes: number;
}

export default defineTask<GetInput, HttpGetOutput>({
  name: 'http-get',
  kind: 'io',
  async run(input, ctx) {
    const { status, body } = await get(input, () => ctx.signal);
    return { status, bytes: body.length };
  },
  teardown: closeConnections,
});
