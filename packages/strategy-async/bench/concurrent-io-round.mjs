// One round of the highly concurrent I/O benchmark, in a fresh process so that its RSS is its own:
// 10,000 items that each wait 100 ms, on 10,000 slots, or for reference through p-limit, or bare (every
// item started at once with Promise.all: the floor this machine allows).
// Prints one JSON line. Run with --expose-gc.
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import pLimit from 'p-limit';
import strategy from '../dist/index.js';
import { dispatch, spawnSlots, taskUrl } from './shared.mjs';

const ITEMS = 10_000;
const WAIT_MS = 100;
const via = process.argv[2] ?? 'slots';
const inputs = Array.from({ length: ITEMS }, () => WAIT_MS);
const task = (await import(taskUrl('sleep.mjs'))).default;

const rss = () => {
  globalThis.gc?.();
  return process.memoryUsage.rss();
};

async function spawn(count) {
  return via === 'slots' ? spawnSlots(strategy, taskUrl('sleep.mjs'), count) : [];
}
async function runAll(units, items) {
  if (via === 'slots') return dispatch(units, items);
  const ctx = { unit: 0, signal: new AbortController().signal, progress: () => {} };
  if (via === 'bare') return Promise.all(items.map((input) => task.run(input, ctx)));
  const limit = pLimit(items.length);
  await Promise.all(items.map((input) => limit(() => task.run(input, ctx))));
}
if (!['slots', 'plimit', 'bare'].includes(via))
  throw new Error(`via must be slots, plimit or bare, got ${via}`);

// Warm-up, not counted: the import, and the dispatch path compiled once, as in any engine run after its first.
const warm = await spawn(100);
await runAll(
  warm,
  Array.from({ length: 100 }, () => 1),
);
await Promise.all(warm.map((u) => u.close()));

const rssBefore = rss();
const spawnStarted = performance.now();
const units = await spawn(ITEMS);
const startupMs = performance.now() - spawnStarted;
const rssSlots = rss(); // outside both timed spans: a full GC takes a while

// Half-way through the wait every item is in flight: that is when its memory is counted.
let rssInFlight = 0;
const runStarted = performance.now();
const probe = sleep(WAIT_MS / 2).then(() => {
  rssInFlight = process.memoryUsage.rss(); // no GC here: it would stall the very timers being measured
});
await runAll(units, inputs);
const runMs = performance.now() - runStarted;
await probe;
await Promise.all(units.map((u) => u.close()));

console.log(
  JSON.stringify({
    via,
    wallMs: startupMs + runMs,
    startupMs,
    runMs,
    rssPerSlotBytes: (rssSlots - rssBefore) / ITEMS,
    rssPerInFlightItemBytes: (rssInFlight - rssSlots) / ITEMS,
    rssPerItemTotalBytes: (rssInFlight - rssBefore) / ITEMS,
  }),
);
