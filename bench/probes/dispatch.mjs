// One dispatch measurement in a fresh process: `items` tiny items on `units` units with `inFlight` items
// in flight on each, after a warm-up of `warmupItems` in the same process; prints µs per item, start-up
// excluded. `via` is one of
//   concur    concur's engine (`runStrategy`: per-item deadlines, live state, records) on the strategy's
//             units. Its units become ready one by one and the first takes items while the others start,
//             so wall less start-up over every item is no clean clock: the figure is wall less start-up
//             (every unit ready) over the items that settled after start-up, by the record's per-item
//             settle times (latencyMs: from the run's start, every item being queued then).
//   units     the strategy's units alone, fed by a minimal dispatch loop: what the strategy itself costs
//   tinypool  tinypool's child_process runtime, started, given every item at once (its usual use)
//   piscina   piscina, started, given every item at once
//   p-limit   p-limit(units) calling the async task function directly
//   node bench/probes/dispatch.mjs '{"source":{…},"via":"concur","strategy":"thread","units":2,"inFlight":64,"items":20000,"warmupItems":2000}'
import { performance } from 'node:perf_hooks';
import { loadConcur } from '../lib/load.mjs';
import { taskUrl } from '../lib/script.mjs';
import { feed, spawnUnits } from '../lib/units.mjs';

const job = JSON.parse(process.argv[2]);
const { via, strategy: name, units, inFlight, items, warmupItems } = job;
const inputs = Array.from({ length: items }, (_, i) => i);
const warmUp = inputs.slice(0, warmupItems);
const task = taskUrl(name === 'async' ? 'tiny-async.mjs' : 'tiny.mjs');
const perItemUs = (elapsedMs) => (elapsedMs * 1000) / items;

async function viaConcur() {
  const { core, strategies } = await loadConcur(job.source.dir, { from: job.source.from });
  const run = async (batch) => {
    const record = await core.runStrategy({
      strategy: strategies[name].strategy,
      task,
      inputs: batch,
      concurrency: units,
      ...(inFlight > 1 ? { options: { inFlight } } : {}),
    });
    if (record.items.failed) throw new Error(`${record.items.failed} tiny items failed on ${name}`);
    return record;
  };
  await run(warmUp);
  const record = await run(inputs);
  const afterStartup = record.latencyMs.filter((settledAt) => settledAt > record.startupMs).length;
  return ((record.wallMs - record.startupMs) * 1000) / afterStartup;
}

async function viaUnits() {
  const { core, strategies } = await loadConcur(job.source.dir, { from: job.source.from });
  const spawned = await spawnUnits(core, strategies[name].strategy, task, units, inFlight);
  await feed(spawned, warmUp, inFlight);
  const start = performance.now();
  await feed(spawned, inputs, inFlight);
  const elapsed = performance.now() - start;
  await Promise.all(spawned.map((unit) => unit.close()));
  return perItemUs(elapsed);
}

async function viaPool() {
  const options = {
    filename: taskUrl('tiny-pool.mjs'),
    minThreads: units,
    maxThreads: units,
    concurrentTasksPerWorker: inFlight,
  };
  const pool =
    via === 'tinypool'
      ? new (await import('tinypool')).default({ ...options, runtime: 'child_process' })
      : new (await import('piscina')).Piscina(options);
  await Promise.all(warmUp.map((input) => pool.run(input))); // every worker started before the clock
  const start = performance.now();
  await Promise.all(inputs.map((input) => pool.run(input)));
  const elapsed = performance.now() - start;
  await pool.destroy();
  return perItemUs(elapsed);
}

async function viaPLimit() {
  const { default: pLimit } = await import('p-limit');
  const { default: tiny } = await import(task);
  // The same task function, with a context of the same shape a slot gives it.
  const ctx = { unit: 0, signal: new AbortController().signal, progress: () => {} };
  const all = (batch) => {
    const limit = pLimit(units);
    return Promise.all(batch.map((input) => limit(() => tiny.run(input, ctx))));
  };
  await all(warmUp);
  const start = performance.now();
  await all(inputs);
  return perItemUs(performance.now() - start);
}

const VIA = { concur: viaConcur, units: viaUnits, tinypool: viaPool, piscina: viaPool, 'p-limit': viaPLimit };
if (!VIA[via]) throw new Error(`via must be one of ${Object.keys(VIA).join(', ')}, got ${via}`);
process.stdout.write(`${JSON.stringify({ via, usPerItem: await VIA[via]() })}\n`);
