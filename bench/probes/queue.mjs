// One queue dispatch measurement in a fresh process: `items` tiny items on `units` workers with `inFlight`
// jobs at once on each, after a warm-up of `warmupItems`; prints µs per item, start-up excluded. `via` is
//   concur    concur's engine on the queue strategy's units (worker processes it forks, a BullMQ queue each)
//   units     the queue strategy's units alone, fed by the bench's minimal dispatch loop
//   bullmq    a hand-written producer and `units` forked BullMQ workers on one queue: the producer keeps
//             units × inFlight jobs on the queue and learns of each completion from BullMQ's QueueEvents
//   process   concur's engine on process units, the same shape: what the broker adds over a pipe
//   node bench/probes/queue.mjs '{"source":{…},"via":"bullmq","units":2,"inFlight":64,"items":20000,"warmupItems":2000}'
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { loadConcur } from '../lib/load.mjs';
import { taskFile, taskUrl } from '../lib/script.mjs';
import { feed, spawnUnits } from '../lib/units.mjs';

const BROKER = 'redis://127.0.0.1:6379';
const job = JSON.parse(process.argv[2]);
const { via, units, inFlight, items, warmupItems } = job;
const inputs = Array.from({ length: items }, (_, i) => i);
const warmUp = inputs.slice(0, warmupItems);
const task = taskUrl('tiny.mjs');
const prefix = `concur-bench-${randomBytes(4).toString('hex')}`;

/** The checkout's queue strategy, resolved from its own package names. */
async function queueStrategy() {
  const require = createRequire(job.source.from);
  return (await import(pathToFileURL(require.resolve('@concur/strategy-queue')).href)).default;
}

async function viaEngine(strategy) {
  const { core } = await loadConcur(job.source.dir, { from: job.source.from });
  const options = { ...(via === 'process' ? {} : { prefix }), ...(inFlight > 1 ? { inFlight } : {}) };
  const run = async (batch) => {
    const record = await core.runStrategy({ strategy, task, inputs: batch, concurrency: units, options });
    if (record.items.failed) throw new Error(`${record.items.failed} tiny items failed on ${via}`);
    return record;
  };
  await run(warmUp);
  const record = await run(inputs);
  // As the dispatch probe: wall less start-up, over the items that settled after every unit was ready.
  const afterStartup = record.latencyMs.filter((settledAt) => settledAt > record.startupMs).length;
  return ((record.wallMs - record.startupMs) * 1000) / afterStartup;
}

async function viaUnits() {
  const { core } = await loadConcur(job.source.dir, { from: job.source.from });
  const strategy = await queueStrategy();
  const spec = { prefix, ...(inFlight > 1 ? { inFlight } : {}) };
  const spawned = await spawnUnits(
    core,
    { spawn: (s) => strategy.spawn({ ...s, options: spec }) },
    task,
    units,
    inFlight,
  );
  await feed(spawned, warmUp, inFlight);
  const start = performance.now();
  await feed(spawned, inputs, inFlight);
  const elapsed = performance.now() - start;
  await Promise.all(spawned.map((unit) => unit.close()));
  return (elapsed * 1000) / items;
}

async function viaBullmq() {
  const require = createRequire(job.source.from);
  const { Queue, QueueEvents } = await import(pathToFileURL(require.resolve('bullmq')).href);
  const name = 'hand';
  const queue = new Queue(name, {
    connection: { host: '127.0.0.1', port: 6379 },
    prefix,
    defaultJobOptions: { removeOnComplete: true, removeOnFail: true },
  });
  const events = new QueueEvents(name, { connection: { host: '127.0.0.1', port: 6379 }, prefix });
  await events.waitUntilReady();
  const workers = Array.from({ length: units }, () =>
    fork(taskFile('bullmq-worker.mjs'), [BROKER, name, prefix, String(inFlight)]),
  );
  await Promise.all(workers.map((worker) => once(worker, 'message')));
  // A window of units × inFlight jobs, topped up as each completes: the same items in flight as concur's.
  const drive = (batch) =>
    new Promise((resolve, reject) => {
      let next = 0;
      let done = 0;
      const add = () => {
        const index = next++;
        queue.add('item', { input: batch[index] }).catch(reject);
      };
      const onCompleted = () => {
        done += 1;
        if (done === batch.length) {
          events.off('completed', onCompleted);
          resolve();
        } else if (next < batch.length) add();
      };
      events.on('completed', onCompleted);
      events.on('failed', ({ failedReason }) => reject(new Error(failedReason)));
      for (let i = 0; i < Math.min(units * inFlight, batch.length); i += 1) add();
    });
  await drive(warmUp);
  const start = performance.now();
  await drive(inputs);
  const elapsed = performance.now() - start;
  for (const worker of workers) worker.send('stop');
  await Promise.all(workers.map((worker) => once(worker, 'exit')));
  await events.close();
  await queue.obliterate({ force: true });
  await queue.close();
  return (elapsed * 1000) / items;
}

async function measure() {
  if (via === 'bullmq') return viaBullmq();
  if (via === 'units') return viaUnits();
  if (via === 'concur') return viaEngine(await queueStrategy());
  if (via === 'process') {
    const { strategies } = await loadConcur(job.source.dir, { from: job.source.from });
    return viaEngine(strategies.process.strategy);
  }
  throw new Error(`via must be one of concur, units, bullmq, process; got ${via}`);
}
process.stdout.write(`${JSON.stringify({ via, usPerItem: await measure() })}\n`);
process.exit(0);
