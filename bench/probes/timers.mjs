// One round of the timer-wait measurement, in a fresh process so that its RSS is its own: `items` items
// that each wait `waitMs` on a timer, all in flight at once (`items` async slots). `via` is one of
//   concur  concur's engine (`runStrategy`) on `items` async slots, RSS sampled every 10 ms for its peak
//   slots   `items` async slots fed by a minimal dispatch loop, RSS split into idle slots and items in flight
//   p-limit p-limit(items) calling the task directly
//   bare    every item started at once with Promise.all: the floor this machine allows
// Prints one JSON line. Run with --expose-gc.
import { performance } from 'node:perf_hooks';
import { loadConcur } from '../lib/load.mjs';
import { taskUrl } from '../lib/script.mjs';
import { feed, spawnUnits } from '../lib/units.mjs';

const job = JSON.parse(process.argv[2]);
const { via, items, waitMs } = job;
const { core, strategies } = await loadConcur(job.source.dir, { from: job.source.from });
const strategy = strategies.async.strategy;
const sleepTask = taskUrl('sleep.mjs');
const task = (await import(sleepTask)).default;
const ctx = { unit: 0, signal: new AbortController().signal, progress: () => {} };
const pLimit = via === 'p-limit' ? (await import('p-limit')).default : undefined;

const settledRss = () => {
  globalThis.gc?.();
  return process.memoryUsage.rss();
};

/** Run `batch` the chosen way; the wall time and, for the slot ways, the start-up time. */
async function runAll(batch, onSpawned = () => {}) {
  const started = performance.now();
  if (via === 'concur') {
    const record = await core.runStrategy({
      strategy,
      task: sleepTask,
      inputs: batch,
      concurrency: batch.length,
    });
    if (record.items.failed > 0)
      throw new Error(`${record.items.failed} items failed; the figures would be void`);
    return { wallMs: record.wallMs, startupMs: record.startupMs };
  }
  if (via === 'slots') {
    const units = await spawnUnits(core, strategy, sleepTask, batch.length);
    const startupMs = performance.now() - started;
    onSpawned(); // the RSS of the idle slots, outside the timed span
    const runStarted = performance.now();
    await feed(units, batch);
    const runMs = performance.now() - runStarted;
    await Promise.all(units.map((u) => u.close()));
    return { wallMs: startupMs + runMs, startupMs };
  }
  if (via === 'bare') await Promise.all(batch.map((input) => task.run(input, ctx)));
  else if (via === 'p-limit') {
    const limit = pLimit(batch.length);
    await Promise.all(batch.map((input) => limit(() => task.run(input, ctx))));
  } else throw new Error(`via must be concur, slots, p-limit or bare, got ${via}`);
  return { wallMs: performance.now() - started, startupMs: 0 };
}

// Warm-up, not counted: the import, and the dispatch path compiled once, as in any run after the first.
await runAll(Array.from({ length: 100 }, () => 1));

const inputs = Array.from({ length: items }, () => waitMs);
const rssBefore = settledRss();
let rssSlots = rssBefore;
let rssPeak = rssBefore;
// No GC while items are in flight: it would stall the very timers being measured.
const sampler = setInterval(() => {
  rssPeak = Math.max(rssPeak, process.memoryUsage.rss());
}, 10);
const timing = await runAll(inputs, () => {
  rssSlots = settledRss();
});
clearInterval(sampler);

process.stdout.write(
  `${JSON.stringify({
    via,
    ...timing,
    runMs: timing.wallMs - timing.startupMs,
    rssPerItemBytes: (rssPeak - rssBefore) / items,
    ...(via === 'slots'
      ? { rssPerSlotBytes: (rssSlots - rssBefore) / items, rssPerInFlightBytes: (rssPeak - rssSlots) / items }
      : {}),
  })}\n`,
);
