// One round of the highly concurrent I/O benchmark, in a fresh process so that its RSS is its own:
// 10,000 items that each wait 100 ms at concurrency 10,000. `via` is one of
//   engine  runStrategy on 10,000 async slots, RSS sampled every 10 ms for its peak
//   slots   10,000 async slots driven by a minimal dispatch loop, RSS split into slots and items in flight
//   plimit  p-limit(10,000) calling the task directly, for reference
//   bare    every item started at once with Promise.all: the floor this machine allows
// Prints one JSON line. Run with --expose-gc.

import { performance } from 'node:perf_hooks';
import { runStrategy } from '@concur/core/orchestrate';
import pLimit from 'p-limit';
import strategy from '../dist/index.js';
import { dispatch, spawnSlots, taskUrl } from './shared.mjs';

const ITEMS = 10_000;
const WAIT_MS = 100;
const via = process.argv[2] ?? 'engine';
if (!['engine', 'slots', 'plimit', 'bare'].includes(via))
  throw new Error(`via must be engine, slots, plimit or bare, got ${via}`);
const inputs = Array.from({ length: ITEMS }, () => WAIT_MS);
const sleepTask = taskUrl('sleep.mjs');
const task = (await import(sleepTask)).default;
const ctx = { unit: 0, signal: new AbortController().signal, progress: () => {} };

const settledRss = () => {
  globalThis.gc?.();
  return process.memoryUsage.rss();
};

/** Run `items` the chosen way; returns the wall time and, for the slot ways, the start-up time. */
async function runAll(items, onSpawned = () => {}) {
  const started = performance.now();
  if (via === 'engine') {
    const record = await runStrategy({ strategy, task: sleepTask, inputs: items, concurrency: items.length });
    if (record.items.failed > 0)
      throw new Error(`${record.items.failed} items failed; the benchmark is void`);
    return { wallMs: record.wallMs, startupMs: record.startupMs };
  }
  if (via === 'slots') {
    const units = await spawnSlots(strategy, sleepTask, items.length);
    const startupMs = performance.now() - started;
    const paused = onSpawned(); // the RSS of the idle slots, outside the timed span
    const runStarted = performance.now();
    await dispatch(units, items);
    const runMs = performance.now() - runStarted;
    await Promise.all(units.map((u) => u.close()));
    return { wallMs: startupMs + runMs, startupMs, pausedMs: paused };
  }
  if (via === 'bare') await Promise.all(items.map((input) => task.run(input, ctx)));
  else {
    const limit = pLimit(items.length);
    await Promise.all(items.map((input) => limit(() => task.run(input, ctx))));
  }
  return { wallMs: performance.now() - started, startupMs: 0 };
}

// Warm-up, not counted: the import, and the dispatch path compiled once, as in any run after the first.
await runAll(Array.from({ length: 100 }, () => 1));

const rssBefore = settledRss();
let rssSlots = rssBefore;
let rssPeak = rssBefore;
// No GC while items are in flight: it would stall the very timers being measured.
const probe = setInterval(() => {
  rssPeak = Math.max(rssPeak, process.memoryUsage.rss());
}, 10);
const timing = await runAll(inputs, () => {
  rssSlots = settledRss();
});
clearInterval(probe);

console.log(
  JSON.stringify({
    via,
    ...timing,
    runMs: timing.wallMs - timing.startupMs,
    rssPerItemTotalBytes: (rssPeak - rssBefore) / ITEMS,
    ...(via === 'slots'
      ? {
          rssPerSlotBytes: (rssSlots - rssBefore) / ITEMS,
          rssPerInFlightItemBytes: (rssPeak - rssSlots) / ITEMS,
        }
      : {}),
  }),
);
