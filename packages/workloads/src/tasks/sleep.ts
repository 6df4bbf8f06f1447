// Pure waiting on a timer: the idealised I/O-bound item, no CPU and no thread pool.
import { setTimeout as sleep } from 'node:timers/promises';
import { defineTask } from '@concur/core/runtime';

export default defineTask<number, number>({
  name: 'sleep',
  kind: 'io',
  async run(ms, ctx) {
    await sleep(ms, undefined, { signal: ctx.signal });
    return ms;
  },
});
