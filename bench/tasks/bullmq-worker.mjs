// A hand-written BullMQ worker, as a user would write one without concur: one process, one Worker on the
// named queue with `concurrency` jobs at once, each job returning its input. Says "ready" to its parent once
// the Worker is listening, and exits when told to.
//   (forked by bench/probes/queue.mjs with argv: broker queue prefix concurrency)
import { Worker } from 'bullmq';
import { Redis } from 'ioredis';

const [broker, queue, prefix, concurrency] = process.argv.slice(2);
const connection = new Redis(broker, { maxRetriesPerRequest: null });
const worker = new Worker(queue, async (job) => job.data.input, {
  connection,
  prefix,
  concurrency: Number(concurrency),
});
await worker.waitUntilReady();
process.send('ready');
process.on('message', async () => {
  await worker.close();
  connection.disconnect();
  process.exit(0);
});
process.on('disconnect', () => process.exit(0));
