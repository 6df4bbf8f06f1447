// The article's I/O-bound download: one HTTP GET per item. The unit spends the wait on the network, not
// on the CPU.
import { defineTask } from '@concur/core/runtime';
import { closeConnections, type GetInput, type GetResult, get } from '../client/get.js';

export interface HttpGetOutput {
  readonly status: number;
  /** Length of the body in bytes. */
  readonly bytes: number;
}

const toOutput = ({ status, body }: GetResult): HttpGetOutput => ({ status, bytes: body.length });

export default defineTask<GetInput, HttpGetOutput>({
  name: 'http-get',
  kind: 'io',
  // A promise chain rather than an async function: a suspended async frame per request in flight is more
  // for the garbage collector to copy, a thousand times over at 1,000 requests in flight.
  run: (input, ctx) => get(input, ctx).then(toOutput),
  teardown: closeConnections,
});
