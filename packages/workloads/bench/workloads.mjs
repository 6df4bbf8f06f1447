// Races the built-in workloads across the built-in strategies, side by side in one run: for each scenario
// the contenders run interleaved (A B C A B C…), and the report gives medians and ratios to the first
// contender, never lone absolute times. Run after a build: `npm run bench -w @concur/workloads`.
// The strategies resolve from the workspace root; they are not dependencies of this package.
import { cpus } from 'node:os';
import { runBaseline, runStrategy, startServices } from '@concur/core/orchestrate';
import asyncStrategy from '@concur/strategy-async';
import processStrategy from '@concur/strategy-process';
import threadStrategy from '@concur/strategy-thread';
import { articleCpu, articleIo, c10k, cpuHash, cpuHashAsync } from '../dist/index.js';

const ROUNDS = Number(process.env.ROUNDS ?? 3);
const cores = cpus().length;

const paramsOf = (workload, values) => ({
  ...Object.fromEntries(Object.entries(workload.params).map(([name, spec]) => [name, spec.default])),
  ...values,
});

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

/** One contender: a label and a function that runs the items once and returns the engine's record. */
const contender = (label, strategy, concurrency) => ({
  label,
  run: (task, inputs) =>
    strategy
      ? runStrategy({ strategy, task, inputs, concurrency, timeoutMs: 120_000 })
      : runBaseline({ task, inputs, timeoutMs: 120_000 }),
});

async function scenario(title, workload, values, contenders) {
  const params = paramsOf(workload, values);
  const services = await startServices(workload, params);
  try {
    const inputs = await workload.inputs(params, services.info);
    const walls = new Map(contenders.map((c) => [c.label, []]));
    const failed = new Map(contenders.map((c) => [c.label, 0]));
    const before = (await services.usage()).server;
    for (let round = 0; round < ROUNDS; round++)
      for (const c of contenders) {
        const record = await c.run(workload.task, inputs);
        walls.get(c.label).push(record.wallMs);
        failed.set(c.label, failed.get(c.label) + record.items.failed);
      }
    const after = (await services.usage()).server;
    const base = median(walls.get(contenders[0].label));
    console.log(`\n${title} — ${inputs.length} items, ${ROUNDS} interleaved rounds`);
    for (const c of contenders) {
      const m = median(walls.get(c.label));
      const fails = failed.get(c.label) ? `  (${failed.get(c.label)} items failed)` : '';
      console.log(
        `  ${c.label.padEnd(24)} median ${m.toFixed(0).padStart(6)} ms   ${(base / m).toFixed(2)}× vs ${contenders[0].label}${fails}`,
      );
    }
    if (before && after) {
      const serverCpu = after.cpuUserMs + after.cpuSystemMs - before.cpuUserMs - before.cpuSystemMs;
      console.log(`  loopback server CPU over the scenario: ${serverCpu.toFixed(0)} ms`);
    }
  } finally {
    await services.stop();
  }
}

console.log(`node ${process.version}, ${cores} cores; the machine may be shared, so read ratios, not times.`);

await scenario(
  'article-cpu (n = 250,000,000 per item, a quarter of the default)',
  articleCpu,
  { n: 250_000_000 },
  [
    contender('baseline'),
    contender(`process ×${cores}`, processStrategy, cores),
    contender(`thread ×${cores}`, threadStrategy, cores),
    contender('async ×4', asyncStrategy, 4),
  ],
);

await scenario('article-io (5 GETs, 100 ms latency)', articleIo, {}, [
  contender('baseline'),
  contender('process ×5', processStrategy, 5),
  contender('thread ×5', threadStrategy, 5),
  contender('async ×5', asyncStrategy, 5),
]);

for (const [workload, values] of [
  [cpuHash, { items: 8, rounds: 200 }],
  [cpuHashAsync, { items: 8, iterations: 200_000 }],
])
  await scenario(`${workload.name}: does one event loop get help?`, workload, values, [
    contender('baseline'),
    contender('async ×8', asyncStrategy, 8),
  ]);

await scenario('c10k (10,000 GETs, 100 ms latency)', c10k, {}, [
  contender('async ×1,000', asyncStrategy, 1_000),
  contender('async ×10,000', asyncStrategy, 10_000),
]);
