// The thread strategy's benchmark: dispatch, CPU-bound speedup, start-up and idle memory, each side by side
// in one run, as medians and ratios. Run after a build:  npm run bench -w @concur/strategy-thread
import { execFileSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { runBaseline, runStrategy } from '@concur/core/orchestrate';
import { makeSpec } from '@concur/core/testkit';
import { Piscina } from 'piscina';
import strategy from '../dist/index.js';

const task = (file) => new URL(`./tasks/${file}`, import.meta.url).href;
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const fmt = (n, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const rounds = (name, fallback) => Number(process.env[name] ?? fallback);
const cores = availableParallelism();

/** Run each contender once per round, in the same order every round (A B C A B C), and collect the figures. */
async function interleaved(count, contenders) {
  const figures = Object.fromEntries(Object.keys(contenders).map((name) => [name, []]));
  for (let round = 0; round < count; round += 1)
    for (const [name, measure] of Object.entries(contenders)) figures[name].push(await measure());
  return figures;
}

// --- Dispatch: 100,000 tiny items through 2 units, items per second --------------------------------------
async function dispatch() {
  const total = 100_000;
  const inputs = Array.from({ length: total }, (_, i) => i);
  const figures = await interleaved(rounds('DISPATCH_ROUNDS', 5), {
    // The engine every strategy is measured by: timers per item, live state, latency records included.
    'thread (runStrategy)': async () => {
      const run = await runStrategy({ strategy, task: task('tiny.mjs'), inputs, concurrency: 2 });
      if (run.items.failed) throw new Error(`${run.items.failed} tiny items failed`);
      return (total / (run.wallMs - run.startupMs)) * 1000;
    },
    // The units alone, fed by a two-lane loop: what the strategy itself costs.
    'thread (units only)': async () => {
      const units = await Promise.all(
        [0, 1].map((unit) => strategy.spawn(makeSpec(task('tiny.mjs'), { unit }))),
      );
      let next = 0;
      const start = performance.now();
      await Promise.all(
        units.map(async (unit) => {
          while (next < total) {
            const index = next++;
            await unit.run({ index, input: inputs[index] });
          }
        }),
      );
      const ms = performance.now() - start;
      await Promise.all(units.map((unit) => unit.close()));
      return (total / ms) * 1000;
    },
    // piscina's usual use: every item submitted at once to a pool of 2 threads, already started.
    'piscina, 2 threads': async () => {
      const pool = new Piscina({ filename: task('tiny-piscina.mjs'), minThreads: 2, maxThreads: 2 });
      await Promise.all([pool.run(0), pool.run(1)]);
      const start = performance.now();
      await Promise.all(inputs.map((input) => pool.run(input)));
      const ms = performance.now() - start;
      await pool.destroy();
      return (total / ms) * 1000;
    },
  });
  const bar = median(figures['piscina, 2 threads']);
  console.log(
    `\n## Dispatch: ${fmt(total)} tiny items through 2 units (items/s, median of ${figures[Object.keys(figures)[0]].length})\n`,
  );
  console.log('| contender | items/s | ratio to piscina |\n|---|---:|---:|');
  for (const [name, values] of Object.entries(figures))
    console.log(`| ${name} | ${fmt(median(values))} | ${fmt(median(values) / bar, 2)} |`);
}

// --- CPU-bound: 4 items of the summing loop, about a second each ----------------------------------------
async function cpuBound() {
  // Calibrate n so one item takes about a second here.
  const probe = 50_000_000;
  const { default: sum } = await import(task('sum.mjs'));
  sum.run(probe); // warm the JIT first, then time
  const start = performance.now();
  sum.run(probe);
  const n = Math.round(probe * (1000 / (performance.now() - start)));
  const inputs = [n, n, n, n];
  const units = Math.min(cores, inputs.length);
  // Per run: wall time, and the cores the run really obtained (process CPU time / wall time), which shows
  // how much of the machine other work left to it.
  const measure = (run) => ({ wallMs: run.wallMs, cores: (run.cpu.userMs + run.cpu.systemMs) / run.wallMs });
  const figures = await interleaved(rounds('CPU_ROUNDS', 3), {
    'sequential baseline': async () => measure(await runBaseline({ task: task('sum.mjs'), inputs })),
    [`thread, ${units} units`]: async () =>
      measure(await runStrategy({ strategy, task: task('sum.mjs'), inputs, concurrency: units })),
  });
  const [baseline, threads] = Object.values(figures);
  const speedups = baseline.map((run, i) => run.wallMs / threads[i].wallMs);
  console.log(`\n## CPU-bound: 4 items of the summing loop (n = ${fmt(n)}), ${cores} cores\n`);
  console.log('| contender | wall ms (median) | cores obtained (median) |\n|---|---:|---:|');
  for (const [name, runs] of Object.entries(figures))
    console.log(
      `| ${name} | ${fmt(median(runs.map((r) => r.wallMs)))} | ${fmt(median(runs.map((r) => r.cores)), 2)} |`,
    );
  console.log(
    `\nspeedup (median of per-round ratios): ${fmt(median(speedups), 2)}× — target ≥ ${fmt(0.95 * units, 2)}× (0.95 × min(cores, items)); per round: ${speedups.map((x) => fmt(x, 2)).join(', ')}`,
  );
}

// --- Start-up: ready and first item answered, against a hand-written Worker ------------------------------
async function startup() {
  const figures = await interleaved(rounds('STARTUP_ROUNDS', 20), {
    'hand-written new Worker()': async () => {
      const start = performance.now();
      const worker = new Worker(new URL('./tasks/hand-worker.mjs', import.meta.url));
      await new Promise((resolve) => {
        worker.once('message', resolve);
        worker.postMessage(1);
      });
      const ms = performance.now() - start;
      await worker.terminate();
      return ms;
    },
    'thread unit (spawn + first item)': async () => {
      const start = performance.now();
      const unit = await strategy.spawn(makeSpec(task('tiny.mjs')));
      await unit.run({ index: 0, input: 1 });
      const ms = performance.now() - start;
      await unit.close();
      return ms;
    },
  });
  const [hand] = Object.values(figures);
  console.log(`\n## Start-up: until the first message is answered (ms, median of ${hand.length})\n`);
  console.log('| contender | ms | ratio |\n|---|---:|---:|');
  for (const [name, values] of Object.entries(figures))
    console.log(`| ${name} | ${fmt(median(values), 1)} | ${fmt(median(values) / median(hand), 2)} |`);
}

// --- Memory: RSS added per idle unit, each measured in a fresh process ----------------------------------
function memory() {
  const count = 8;
  const measure = (kind) =>
    JSON.parse(
      execFileSync(
        process.execPath,
        ['--expose-gc', new URL('./idle-rss.mjs', import.meta.url).pathname, kind, `${count}`],
        {
          encoding: 'utf8',
        },
      ),
    ).perUnitBytes;
  const figures = { thread: [], worker: [] };
  for (let round = 0; round < rounds('MEMORY_ROUNDS', 3); round += 1)
    for (const kind of Object.keys(figures)) figures[kind].push(measure(kind));
  console.log(
    `\n## Memory: RSS added per idle unit (${count} units, fresh process each, median of ${figures.thread.length})\n`,
  );
  console.log('| contender | MiB per unit |\n|---|---:|');
  console.log(`| thread unit | ${fmt(median(figures.thread) / 2 ** 20, 1)} |`);
  console.log(`| hand-written new Worker() | ${fmt(median(figures.worker) / 2 ** 20, 1)} |`);
}

const sections = { dispatch, cpu: cpuBound, startup, memory };
const wanted = process.argv.slice(2);
console.log(
  `# @concur/strategy-thread benchmark — Node ${process.version}, ${cores} cores, ${process.platform}`,
);
for (const [name, section] of Object.entries(sections))
  if (!wanted.length || wanted.includes(name)) await section();
