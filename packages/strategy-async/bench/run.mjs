// `npm run bench` in this package (after a build): every figure side by side in one run, as ratios.
// ROUNDS=n sets the number of interleaved rounds of each part.
import { availableParallelism } from 'node:os';
import { benchConcurrentIo } from './concurrent-io.mjs';
import { benchCpuBound } from './cpu-bound.mjs';
import { benchDispatch } from './dispatch.mjs';

const kib = (bytes) => `${(bytes / 1024).toFixed(2)} KiB`;
const rate = (perSec) => `${Math.round(perSec).toLocaleString('en')} items/s`;

console.log(`node ${process.version}, ${availableParallelism()} cpus, ${process.platform}`);

const d = await benchDispatch();
console.log(
  `\ndispatch: ${d.items.toLocaleString('en')} tiny async items, concurrency ${d.concurrency}, ${d.rounds} rounds`,
);
console.log(
  `  engine on async slots ${rate(d.engineItemsPerSec)} (median, runStrategy: spawns, per-item timeouts, accounting)`,
);
console.log(`  async slots, bare loop ${rate(d.slotsItemsPerSec)} (median, spawning the slots included)`);
console.log(`  p-limit                ${rate(d.pLimitItemsPerSec)} (median)`);
console.log(
  `  throughput / p-limit's, per round: engine median ${d.engineMedianRatio.toFixed(2)}× (min ${d.engineMinRatio.toFixed(2)}×); bare loop median ${d.medianRatio.toFixed(2)}× (min ${d.minRatio.toFixed(2)}×, max ${d.maxRatio.toFixed(2)}×)`,
);

const io = await benchConcurrentIo();
const ms = (value) => `${value.toFixed(1)} ms`;
const wait = (value) => `${(value / io.waitMs).toFixed(2)}× the wait`;
console.log(
  `\nconcurrent I/O: ${io.items.toLocaleString('en')} items × ${io.waitMs} ms wait, concurrency ${io.items.toLocaleString('en')}, ${io.rounds} rounds, fresh process each (medians)`,
);
console.log(
  `  engine on async slots: start-up ${ms(io.engine.startupMs)} + run ${ms(io.engine.runMs)} = ${wait(io.engine.runMs)}`,
);
console.log(
  `  async slots, bare loop: start-up ${ms(io.slots.startupMs)} + run ${ms(io.slots.runMs)} = ${wait(io.slots.runMs)}`,
);
console.log(`  p-limit:               run ${ms(io.plimit.runMs)} = ${wait(io.plimit.runMs)}`);
console.log(
  `  bare Promise.all:      run ${ms(io.bare.runMs)} = ${wait(io.bare.runMs)} (no limiter at all: this machine's floor)`,
);
console.log(
  `  run / bare run, per round: engine ${io.engineRunOverBare.toFixed(2)}×, slots ${io.slotsRunOverBare.toFixed(2)}×; slots run / p-limit run ${io.slotsRunOverPLimit.toFixed(2)}×`,
);
console.log(
  `  RSS added per item, peak during the run: engine ${kib(io.engine.rssPerItemTotalBytes)}, slots ${kib(io.slots.rssPerItemTotalBytes)} (${kib(io.slots.rssPerSlotBytes)} per idle slot + ${kib(io.slots.rssPerInFlightItemBytes)} per item in flight), p-limit ${kib(io.plimit.rssPerItemTotalBytes)}, bare ${kib(io.bare.rssPerItemTotalBytes)}`,
);

const cpu = await benchCpuBound();
console.log(
  `\nCPU-bound: ${cpu.items} items × ${cpu.spinMs} ms spin, concurrency ${cpu.items}, ${cpu.rounds} rounds`,
);
console.log(
  `  speedup over one-at-a-time: ${cpu.speedup.toFixed(2)}× (median); loop delay p99 ${cpu.loopDelayP99Ms.toFixed(1)} ms`,
);
