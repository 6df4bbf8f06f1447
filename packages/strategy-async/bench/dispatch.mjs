// Dispatch cost: 100,000 tiny async items at concurrency 1,000 through the engine on async slots, through
// async slots driven by a minimal dispatch loop (the strategy's own cost), and through p-limit, interleaved
// round by round (A B C A B C …) so that all see the same machine load.
import { performance } from 'node:perf_hooks';
import { runStrategy } from '@concur/core/orchestrate';
import pLimit from 'p-limit';
import strategy from '../dist/index.js';
import { dispatch, median, spawnSlots, taskUrl } from './shared.mjs';

const ITEMS = 100_000;
const CONCURRENCY = 1_000;
const ROUNDS = Number(process.env.ROUNDS ?? 7);

const task = (await import(taskUrl('tiny-async.mjs'))).default;
const inputs = Array.from({ length: ITEMS }, (_, i) => i);

async function viaEngine() {
  const record = await runStrategy({
    strategy,
    task: taskUrl('tiny-async.mjs'),
    inputs,
    concurrency: CONCURRENCY,
    sampleEveryMs: 0,
  });
  if (record.items.failed > 0) throw new Error(`${record.items.failed} items failed; the benchmark is void`);
  return record.wallMs;
}

async function viaSlots() {
  const started = performance.now();
  const units = await spawnSlots(strategy, taskUrl('tiny-async.mjs'), CONCURRENCY);
  await dispatch(units, inputs);
  const ms = performance.now() - started;
  await Promise.all(units.map((u) => u.close()));
  return ms;
}

async function viaPLimit() {
  const started = performance.now();
  const limit = pLimit(CONCURRENCY);
  // The same task function, with a context of the same shape the slots give it.
  const signal = new AbortController().signal;
  const ctx = { unit: 0, signal, progress: () => {} };
  await Promise.all(inputs.map((input) => limit(() => task.run(input, ctx))));
  return performance.now() - started;
}

export async function benchDispatch() {
  await viaEngine(); // warm-up, not counted: JIT and the first import
  await viaSlots();
  await viaPLimit();
  const engine = [];
  const slots = [];
  const plimit = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    engine.push(await viaEngine());
    slots.push(await viaSlots());
    plimit.push(await viaPLimit());
  }
  const ratios = slots.map((ms, i) => plimit[i] / ms);
  const engineRatios = engine.map((ms, i) => plimit[i] / ms);
  return {
    engineItemsPerSec: ITEMS / (median(engine) / 1000),
    engineMedianRatio: median(engineRatios),
    engineMinRatio: Math.min(...engineRatios),
    items: ITEMS,
    concurrency: CONCURRENCY,
    rounds: ROUNDS,
    slotsItemsPerSec: ITEMS / (median(slots) / 1000),
    pLimitItemsPerSec: ITEMS / (median(plimit) / 1000),
    medianRatio: median(ratios),
    minRatio: Math.min(...ratios),
    maxRatio: Math.max(...ratios),
  };
}
