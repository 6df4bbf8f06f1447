// Resident memory added per idle unit, in a fresh process of its own (run with --expose-gc):
// `thread`: units of concur's thread strategy, ready, one item answered, idle. `worker`: hand-written
// `new Worker()`s answering one message, for reference. Prints one JSON line.
import { Worker } from 'node:worker_threads';
import { loadConcur } from '../lib/load.mjs';
import { taskFile, taskUrl } from '../lib/script.mjs';
import { spawnUnits } from '../lib/units.mjs';

const job = JSON.parse(process.argv[2]);
const { kind, count } = job;
const { core, strategies } = await loadConcur(job.source.dir, { from: job.source.from });
const tiny = taskUrl('tiny.mjs');

const settledRss = async () => {
  for (let i = 0; i < 3; i += 1) {
    globalThis.gc?.();
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return process.memoryUsage.rss();
};

async function spawnOne(index) {
  if (kind === 'thread') {
    const [unit] = await spawnUnits(core, strategies.thread.strategy, tiny, 1);
    await unit.run({ index, input: index });
    return () => unit.close();
  }
  const worker = new Worker(taskFile('hand-child.mjs'));
  await new Promise((resolve) => {
    worker.once('message', resolve);
    worker.postMessage(index);
  });
  return () => worker.terminate();
}

// Warm what every unit shares (modules loaded once per process), so that the figure is per unit.
await (await spawnOne(0))();
const before = await settledRss();
const stops = [];
for (let i = 0; i < count; i += 1) stops.push(await spawnOne(i));
const after = await settledRss();
await Promise.all(stops.map((stop) => stop()));
process.stdout.write(`${JSON.stringify({ kind, count, perUnitBytes: (after - before) / count })}\n`);
