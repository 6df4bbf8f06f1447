// `npm run bench` in this package (after a build): every figure side by side in one run, as ratios.
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
console.log(`  async slots ${rate(d.slotsItemsPerSec)} (median, spawning the slots included)`);
console.log(`  p-limit     ${rate(d.pLimitItemsPerSec)} (median)`);
console.log(
  `  slots / p-limit throughput: median ${d.medianRatio.toFixed(2)}× (min ${d.minRatio.toFixed(2)}×, max ${d.maxRatio.toFixed(2)}×)`,
);

const io = await benchConcurrentIo();
console.log(
  `\nconcurrent I/O: ${io.items.toLocaleString('en')} items × ${io.waitMs} ms wait, concurrency ${io.items.toLocaleString('en')}, ${io.rounds} rounds, fresh process each`,
);
console.log(
  `  async slots wall ${io.slots.wallMs.toFixed(1)} ms = ${io.slots.wallOverWait.toFixed(2)}× the wait (start-up ${io.slots.startupMs.toFixed(1)} ms included)`,
);
console.log(
  `  p-limit     wall ${io.plimit.wallMs.toFixed(1)} ms = ${io.plimit.wallOverWait.toFixed(2)}× the wait`,
);
console.log(
  `  RSS per slot ${kib(io.slots.rssPerSlotBytes)}, per in-flight item ${kib(io.slots.rssPerInFlightItemBytes)}, together ${kib(io.slots.rssPerItemTotalBytes)}`,
);
console.log(
  `  RSS per in-flight item through p-limit ${kib(io.plimit.rssPerItemTotalBytes)}, bare ${kib(io.bare.rssPerItemTotalBytes)}`,
);

const cpu = await benchCpuBound();
console.log(
  `\nCPU-bound: ${cpu.items} items × ${cpu.spinMs} ms spin, concurrency ${cpu.items}, ${cpu.rounds} rounds`,
);
console.log(
  `  speedup over one-at-a-time: ${cpu.speedup.toFixed(2)}× (median); loop delay p99 ${cpu.loopDelayP99Ms.toFixed(1)} ms`,
);
