// Race the piscina plugin beside concur's own thread strategy through the engine (runStrategy), on the
// same workloads, interleaved run by run (thread, piscina, piscina async, thread, …) so that a busy machine
// slows every contender alike. Prints medians (wall, start-up, and wall after start-up) and ratios; absolute times only mean something side by side.
//
//   npx turbo run build --filter=concur-strategy-piscina... && node examples/strategy-piscina/bench/race.mjs
import { cpus } from 'node:os';
import { runStrategy } from '@concur/core/orchestrate';
import { fixtureTasks } from '@concur/core/testkit';
import thread from '@concur/strategy-thread';
import piscina from '../dist/index.js';

/** The middle of the finite values (the mean of the two middle ones for an even count). */
function median(values) {
  const xs = values.filter(Number.isFinite).sort((a, b) => a - b);
  const mid = xs.length >> 1;
  return xs.length % 2 === 1 ? xs[mid] : (xs[mid - 1] + xs[mid]) / 2;
}

const RUNS = Number(process.env.RUNS ?? 7);
const concurrency = Math.max(2, cpus().length);
const sumOfSquares = new URL('../test/fixtures/sum-of-squares.mjs', import.meta.url).href;

const workloads = [
  // Dispatch-bound: the task does nothing, so the hand-over of an item to a worker is all there is.
  {
    name: '4,000 tiny items (echo)',
    task: fixtureTasks.echo,
    inputs: Array.from({ length: 4000 }, (_, i) => i),
  },
  // CPU-bound: 16 items of a few milliseconds each.
  {
    name: '16 CPU items (sum of squares, n=3e6)',
    task: sumOfSquares,
    inputs: Array.from({ length: 16 }, () => ({ n: 3_000_000 })),
  },
];
const contenders = [
  { label: 'thread', strategy: thread, options: {} },
  { label: 'piscina (atomics sync)', strategy: piscina, options: {} },
  { label: 'piscina (atomics async)', strategy: piscina, options: { atomics: 'async' } },
];

console.log(
  `${RUNS} runs each, interleaved, concurrency ${concurrency}, ${cpus().length} CPUs, Node ${process.version}`,
);
for (const workload of workloads) {
  const walls = contenders.map(() => []);
  const startups = contenders.map(() => []);
  const afterStartup = contenders.map(() => []);
  for (let run = 0; run <= RUNS; run += 1)
    for (const [i, c] of contenders.entries()) {
      const result = await runStrategy({ ...c, task: workload.task, inputs: workload.inputs, concurrency });
      if (result.items.failed > 0) throw new Error(`${c.label}: ${result.items.failed} items failed`);
      if (run === 0) continue; // warmup
      walls[i].push(result.wallMs);
      startups[i].push(result.startupMs);
      afterStartup[i].push(result.wallMs - result.startupMs);
    }
  const base = median(walls[0]);
  const baseAfter = median(afterStartup[0]);
  console.log(`\n${workload.name}`);
  for (const [i, c] of contenders.entries()) {
    const wall = median(walls[i]);
    const after = median(afterStartup[i]);
    const ratios =
      i === 0
        ? ''
        : `  ${(wall / base).toFixed(2)}× thread's wall, ${(after / baseAfter).toFixed(2)}× after start-up`;
    console.log(
      `  ${c.label.padEnd(24)} wall ${wall.toFixed(1).padStart(7)} ms  start-up ${median(startups[i]).toFixed(1).padStart(6)} ms  after start-up ${after.toFixed(1).padStart(7)} ms${ratios}`,
    );
  }
}
