// concur's own cost: per-item dispatch against each strategy's peer library, the engine's start-up, and
// memory per unit. (The dashboard's cost has a section of its own: dashboard.mjs.)
import { execFile, fork } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { runStrategy } from '@concur/core/orchestrate';
import pLimit from 'p-limit';
import { Piscina } from 'piscina';
import Tinypool from 'tinypool';
import { oneRun, STRATEGIES, STRATEGY_NAMES } from './lib/concur.mjs';
import { interleaved } from './lib/interleave.mjs';
import { median } from './lib/stats.mjs';
import { fmt, mib, ms, ratio, Section } from './lib/table.mjs';
import { taskUrl, tinyWorkload } from './lib/tiny-workload.mjs';

export async function overheads(ctx) {
  const section = new Section("concur's own cost");
  await dispatch(ctx, section);
  await startup(ctx, section);
  await memory(ctx, section);
  return section;
}

// --- Dispatch: tiny items through the engine against the peer library -----------------------------------

async function dispatch(ctx, section) {
  const total = ctx.quick ? 2_000 : 20_000;
  const inputs = Array.from({ length: total }, (_, i) => i);
  const poolTask = taskUrl('tiny-pool.mjs');
  /** µs per item after start-up, through concur's engine (timers, live state, records included). */
  const engine = (name, file, concurrency) => async () => {
    const run = await runStrategy({
      strategy: STRATEGIES[name].strategy,
      task: taskUrl(file),
      inputs,
      concurrency,
    });
    if (run.items.failed) throw new Error(`dispatch: ${run.items.failed} tiny items failed on ${name}`);
    return ((run.wallMs - run.startupMs) * 1000) / total;
  };
  /** µs per item through a started pool that gets every item at once, its usual use. */
  const pool = (make) => async () => {
    const p = make();
    await Promise.all([p.run(0), p.run(1)]); // both workers started before the clock
    const start = performance.now();
    await Promise.all(inputs.map((input) => p.run(input)));
    const us = ((performance.now() - start) * 1000) / total;
    await p.destroy();
    return us;
  };
  const limitConcurrency = 1_000;
  const peers = {
    process: {
      label: 'tinypool, child_process, 2 workers',
      units: 2,
      measure: pool(
        () => new Tinypool({ filename: poolTask, runtime: 'child_process', minThreads: 2, maxThreads: 2 }),
      ),
    },
    thread: {
      label: 'piscina, 2 threads',
      units: 2,
      measure: pool(() => new Piscina({ filename: poolTask, minThreads: 2, maxThreads: 2 })),
    },
    async: {
      label: `p-limit(${fmt(limitConcurrency)})`,
      units: limitConcurrency,
      measure: async () => {
        const { default: task } = await import(taskUrl('tiny-async.mjs'));
        const limit = pLimit(limitConcurrency);
        const start = performance.now();
        await Promise.all(inputs.map((input) => limit(() => task.run(input))));
        return ((performance.now() - start) * 1000) / total;
      },
    },
  };
  const contenders = {};
  for (const name of STRATEGY_NAMES) {
    const file = name === 'async' ? 'tiny-async.mjs' : 'tiny.mjs';
    contenders[`concur ${name}`] = engine(name, file, peers[name].units);
    contenders[peers[name].label] = peers[name].measure;
  }
  const figures = await interleaved(ctx.rounds.dispatch, contenders);
  section.note(
    `**Dispatch**: ${fmt(total)} items that return their input, through concur's engine (\`runStrategy\`: per-item timeout timers, live state and records included, start-up excluded) against the peer library given every item at once on a started pool. µs per item, median of ${ctx.rounds.dispatch} interleaved rounds; lower is better.`,
  );
  const rows = STRATEGY_NAMES.map((name) => {
    const ours = median(figures[`concur ${name}`]);
    const theirs = median(figures[peers[name].label]);
    return { name, peer: peers[name].label, units: peers[name].units, ours, theirs };
  });
  section.table(
    ['strategy', 'units', 'concur µs/item', 'peer', 'peer µs/item', 'concur / peer'],
    rows.map((r) => [
      r.name,
      fmt(r.units),
      fmt(r.ours, 1),
      r.peer,
      fmt(r.theirs, 1),
      ratio(r.ours / r.theirs),
    ]),
  );
  for (const r of rows)
    section.check(
      r.ours <= r.theirs,
      `dispatch ${r.name}: ${fmt(r.ours, 1)} µs/item ≤ ${r.peer} ${fmt(r.theirs, 1)} µs/item (ratio ${fmt(r.ours / r.theirs, 2)})`,
    );
}

// --- Start-up: outside the run, and the units' own ------------------------------------------------------

function bareNodeMs() {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    execFile(process.execPath, ['-e', '0'], (error) =>
      error ? reject(error) : resolve(performance.now() - start),
    );
  });
}

/** Spawn to first answer, by hand: `fork()` or `new Worker()` of a file that echoes. */
async function handSpawnMs(kind) {
  const file = fileURLToPath(taskUrl('hand-child.mjs'));
  const start = performance.now();
  const unit = kind === 'process' ? fork(file) : new Worker(file);
  await new Promise((resolve) => {
    unit.once('message', resolve);
    if (kind === 'process') unit.send(1);
    else unit.postMessage(1);
  });
  const elapsed = performance.now() - start;
  if (kind === 'process') unit.disconnect();
  else await unit.terminate();
  return elapsed;
}

async function startup(ctx, section) {
  const workload = tinyWorkload();
  const contenders = { 'bare node -e 0': bareNodeMs };
  for (const name of STRATEGY_NAMES)
    contenders[`concur ${name}`] = async () => {
      const start = performance.now();
      const record = await oneRun({ workload, params: { items: 1 }, strategies: [name], concurrency: [1] });
      return {
        outside: performance.now() - start - record.wallMs,
        unit: record.startupMs,
        wall: record.wallMs,
      };
    };
  contenders['hand fork()'] = () => handSpawnMs('process');
  contenders['hand new Worker()'] = () => handSpawnMs('thread');
  const figures = await interleaved(ctx.rounds.startup, contenders);
  const bare = median(figures['bare node -e 0']);
  const hand = { process: median(figures['hand fork()']), thread: median(figures['hand new Worker()']) };
  section.note(
    `**Engine start-up**: one item that costs nothing, one unit, through \`compare\` (a fresh engine process per run), ${ctx.rounds.startup} interleaved rounds, medians. "Outside the run" is everything \`compare\` adds around the run's own wall time: forking the engine process, importing core and the strategy, closing the unit, sending the record back. It is set against starting and ending an empty Node process. "Unit start-up" is concur's record.startupMs (spawn until the unit is ready, the task imported), against a hand-written spawn answering its first message.`,
  );
  const rows = STRATEGY_NAMES.map((name) => {
    const outside = median(figures[`concur ${name}`].map((f) => f.outside));
    const unit = median(figures[`concur ${name}`].map((f) => f.unit));
    return [
      name,
      ms(outside),
      ratio(outside / bare),
      ms(unit),
      hand[name] !== undefined ? `${ms(hand[name])} (${ratio(unit / hand[name])})` : '— (no spawn)',
    ];
  });
  section.table(
    [
      'strategy',
      'outside the run',
      '/ bare `node -e 0`',
      'unit start-up',
      'hand-written spawn (concur / hand)',
    ],
    rows,
  );
  section.note(`An empty Node process (\`node -e 0\`) took ${ms(bare)} to start and end here.`);
}

// --- Memory per unit ------------------------------------------------------------------------------------

async function memory(ctx, section) {
  const levels = ctx.quick ? [1, 8] : [1, 8, 64];
  const asyncLevels = ctx.quick ? [1, 8, 1_000] : [1, 8, 64, 10_000];
  const workload = tinyWorkload('tiny-async.mjs');
  const plan = STRATEGY_NAMES.flatMap((name) =>
    (name === 'async' ? asyncLevels : levels).map((units) => ({ name, units })),
  );
  // One level of each strategy after another, the largest last, each in a fresh engine process so that its
  // peak RSS is its own.
  const figures = await interleaved(
    ctx.rounds.memory,
    Object.fromEntries(
      plan.map(({ name, units }) => [
        `${name} ${units}`,
        async () =>
          (
            await oneRun({
              workload,
              params: { items: units },
              strategies: [name],
              concurrency: [units],
              timeoutMs: 120_000,
            })
          ).peakRssBytes,
      ]),
    ),
  );
  section.note(
    `**Memory per unit**: N items that await one microtask on N units, in a fresh engine process per run; peak RSS as concur records it (the engine process, plus each child process's own peak for the process strategy). "Per unit" is the growth over one unit, divided by the units added. ${ctx.rounds.memory} run${ctx.rounds.memory > 1 ? 's' : ''} per level (median).`,
  );
  const rows = [];
  for (const name of STRATEGY_NAMES) {
    const own = plan.filter((p) => p.name === name);
    const one = median(figures[`${name} 1`]);
    for (const { units } of own) {
      const peak = median(figures[`${name} ${units}`]);
      rows.push([name, fmt(units), mib(peak), units === 1 ? '—' : perUnit((peak - one) / (units - 1))]);
    }
  }
  section.table(['strategy', 'units', 'peak RSS', 'per added unit'], rows);
}

const perUnit = (bytes) => (Math.abs(bytes) < 1024 * 1024 ? `${fmt(bytes / 1024, 1)} KiB` : mib(bytes));
