// The process strategy's benchmark: dispatch, CPU-bound speedup and start-up, each side by side in one
// run, as medians and ratios. Run after a build:  npm run bench -w @concur/strategy-process
// Sections can be picked: node bench/run.mjs dispatch startup
import { fork } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { ProgressCell } from '@concur/core';
import { runBaseline, runStrategy } from '@concur/core/orchestrate';
import Tinypool from 'tinypool';
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
const spec = (file, unit = 0) => ({
  unit,
  task: task(file),
  progress: ProgressCell.standalone(),
  inFlight: 1,
  options: {},
  output: () => {},
});

/** Run each contender once per round, in the same order every round (A B C A B C), and collect the figures. */
async function interleaved(count, contenders) {
  const figures = Object.fromEntries(Object.keys(contenders).map((name) => [name, []]));
  for (let round = 0; round < count; round += 1)
    for (const [name, measure] of Object.entries(contenders)) figures[name].push(await measure());
  return figures;
}

function table(title, unit, figures, bar) {
  console.log(`\n## ${title} (${unit}, median of ${Object.values(figures)[0].length})\n`);
  console.log(`| contender | ${unit} | ratio to ${bar} |\n|---|---:|---:|`);
  const reference = median(figures[bar]);
  for (const [name, values] of Object.entries(figures)) {
    console.log(
      `| ${name} | ${fmt(median(values), unit === 'ms' ? 1 : 0)} | ${fmt(median(values) / reference, 2)} |`,
    );
  }
}

// --- Dispatch: 100,000 tiny items through 2 units, items per second --------------------------------------
async function dispatch() {
  const total = 100_000;
  const inputs = Array.from({ length: total }, (_, i) => i);
  const tinypool = (serialization) => async () => {
    const pool = new Tinypool({
      filename: task('tiny-tinypool.mjs'),
      runtime: 'child_process',
      minThreads: 2,
      maxThreads: 2,
      ...(serialization ? { serialization } : {}),
    });
    await Promise.all([pool.run(0), pool.run(1)]); // both workers started before the clock
    const start = performance.now();
    await Promise.all(inputs.map((input) => pool.run(input)));
    const ms = performance.now() - start;
    await pool.destroy();
    return (total / ms) * 1000;
  };
  const figures = await interleaved(rounds('DISPATCH_ROUNDS', 3), {
    // The engine every strategy is measured by, start-up excluded: timers, live state and records included.
    'process (runStrategy)': async () => {
      const run = await runStrategy({ strategy, task: task('tiny.mjs'), inputs, concurrency: 2 });
      if (run.items.failed) throw new Error(`${run.items.failed} tiny items failed; the benchmark is void`);
      return (total / (run.wallMs - run.startupMs)) * 1000;
    },
    // The units alone, fed by a two-lane loop: what the strategy itself costs.
    'process (units only)': async () => {
      const units = await Promise.all([0, 1].map((unit) => strategy.spawn(spec('tiny.mjs', unit))));
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
    // tinypool's usual use: every item submitted at once to a pool of 2 child processes, already started.
    "tinypool child_process (its default 'json')": tinypool(),
    "tinypool child_process, 'advanced'": tinypool('advanced'),
  });
  table(
    `Dispatch: ${fmt(total)} tiny items through 2 units`,
    'items/s',
    figures,
    "tinypool child_process (its default 'json')",
  );
}

// --- CPU-bound: 4 items of the summing loop, about a second each ----------------------------------------
async function cpuBound() {
  // Calibrate n so that one item takes about a second here.
  const probe = 50_000_000;
  const { default: sum } = await import(task('sum.mjs'));
  sum.run(probe); // warm the JIT first, then time
  const start = performance.now();
  sum.run(probe);
  const n = Math.round(probe * (1000 / (performance.now() - start)));
  const inputs = [n, n, n, n];
  const units = Math.min(cores, inputs.length);
  // How much of one core the baseline really got: far below 100% means other work shared the machine.
  const baselineShare = [];
  const processCores = [];
  const figures = await interleaved(rounds('CPU_ROUNDS', 3), {
    'sequential baseline': async () => {
      const run = await runBaseline({ task: task('sum.mjs'), inputs });
      baselineShare.push((run.cpu.userMs + run.cpu.systemMs) / run.wallMs);
      return run.wallMs;
    },
    [`process, ${units} units`]: async () => {
      const run = await runStrategy({ strategy, task: task('sum.mjs'), inputs, concurrency: units });
      processCores.push((run.cpu.userMs + run.cpu.systemMs) / run.wallMs);
      return run.wallMs;
    },
    // The same four items on two bare forked children fed by hand: what this machine allows for processes.
    [`hand-written fork(), ${units} children`]: async () => {
      const start = performance.now();
      const child = fileURLToPath(task('hand-sum-child.mjs'));
      const children = Array.from({ length: units }, () => fork(child, [], { serialization: 'advanced' }));
      let next = 0;
      await Promise.all(
        children.map(async (c) => {
          while (next < inputs.length) {
            next += 1;
            await new Promise((resolve) => {
              c.once('message', resolve);
              c.send(inputs[0]);
            });
          }
          c.kill();
        }),
      );
      return performance.now() - start;
    },
  });
  const [baseline, processes] = Object.values(figures);
  const speedups = baseline.map((ms, i) => ms / processes[i]);
  table(
    `CPU-bound: 4 items of the summing loop (n = ${fmt(n)}), ${cores} cores`,
    'ms',
    figures,
    'sequential baseline',
  );
  console.log(
    `\nspeedup (median of per-round ratios): ${fmt(median(speedups), 2)}× — target ≥ ${fmt(0.95 * units, 2)}× (0.95 × min(cores, items))`,
  );
  console.log(
    `cores in use (CPU time / wall time, median): sequential baseline ${fmt(median(baselineShare), 2)}, process ${fmt(median(processCores), 2)} (engine and units together); a baseline well below 1.00 means other work shared the machine`,
  );
}

// --- Start-up: until a unit is ready, against a hand-written fork() answering its first message ----------
async function startup() {
  const handChild = fileURLToPath(task('hand-child.mjs'));
  const figures = await interleaved(rounds('STARTUP_ROUNDS', 20), {
    'hand-written fork(), first answer': async () => {
      const start = performance.now();
      const child = fork(handChild, [], {
        serialization: 'advanced',
        stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      });
      await new Promise((resolve) => {
        child.once('message', resolve);
        child.send(1);
      });
      const ms = performance.now() - start;
      child.kill();
      await new Promise((resolve) => child.once('exit', resolve));
      return ms;
    },
    'process unit, ready': async () => {
      const start = performance.now();
      const unit = await strategy.spawn(spec('tiny.mjs'));
      const ms = performance.now() - start;
      await unit.close();
      return ms;
    },
    'process unit, first item answered': async () => {
      const start = performance.now();
      const unit = await strategy.spawn(spec('tiny.mjs'));
      await unit.run({ index: 0, input: 1 });
      const ms = performance.now() - start;
      await unit.close();
      return ms;
    },
  });
  table('Start-up', 'ms', figures, 'hand-written fork(), first answer');
}

const sections = { dispatch, cpu: cpuBound, startup };
const wanted = process.argv.slice(2);
console.log(
  `# @concur/strategy-process benchmark — Node ${process.version}, ${cores} cores, ${process.platform}`,
);
for (const [name, section] of Object.entries(sections))
  if (!wanted.length || wanted.includes(name)) await section();
