// The honest row: CPU-bound items gain nothing from slots. 8 items of 40 ms spin at concurrency 8 against
// the same 8 items one after another, and the loop delay every slot sees meanwhile.
import { performance } from 'node:perf_hooks';
import strategy from '../dist/index.js';
import { dispatch, median, spawnSlots, taskUrl } from './shared.mjs';

const ITEMS = 8;
const SPIN_MS = 40;
const ROUNDS = Number(process.env.ROUNDS ?? 5);
const task = (await import(taskUrl('spin.mjs'))).default;
const inputs = Array.from({ length: ITEMS }, () => SPIN_MS);

async function viaSlots() {
  const units = await spawnSlots(strategy, taskUrl('spin.mjs'), ITEMS);
  const started = performance.now();
  await dispatch(units, inputs);
  const ms = performance.now() - started;
  await new Promise((resolve) => setTimeout(resolve, 15)); // let the histogram record the last spin
  const sample = await units[0].sample();
  await Promise.all(units.map((u) => u.close()));
  return { ms, p99: sample.loopDelayP99Ms ?? 0 };
}

function sequential() {
  const started = performance.now();
  for (const input of inputs) task.run(input);
  return performance.now() - started;
}

export async function benchCpuBound() {
  const speedups = [];
  const delays = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    const slots = await viaSlots();
    const baseline = sequential();
    speedups.push(baseline / slots.ms);
    delays.push(slots.p99);
  }
  return {
    items: ITEMS,
    spinMs: SPIN_MS,
    rounds: ROUNDS,
    speedup: median(speedups),
    loopDelayP99Ms: median(delays),
  };
}
