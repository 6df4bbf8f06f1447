// Memory: peak RSS per unit as concur records it, at growing numbers of units; and the resident memory a
// thread unit adds when idle against a hand-written `new Worker()`.
import { oneRun, STRATEGY_NAMES } from '../lib/concur.mjs';
import { interleaved } from '../lib/interleave.mjs';
import { probe } from '../lib/script.mjs';
import { median } from '../lib/stats.mjs';
import { bytes, fmt, mib, ratio, Section } from '../lib/table.mjs';
import { tinyWorkload } from '../lib/tiny-workload.mjs';

export async function memory(ctx) {
  const section = new Section('Memory per unit', 'memory');
  await peakPerUnit(ctx, section);
  await idleThreads(ctx, section);
  return section;
}

async function peakPerUnit(ctx, section) {
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
    `**Peak RSS**: N items that await one microtask on N units, in a fresh engine process per run; peak RSS as concur records it (the engine process, plus each child process's own peak for the process strategy). "Per unit" is the growth over one unit, divided by the units added. ${ctx.rounds.memory} run${ctx.rounds.memory > 1 ? 's' : ''} per level (median).`,
  );
  const rows = [];
  for (const name of STRATEGY_NAMES) {
    const one = median(figures[`${name} 1`]);
    for (const { units } of plan.filter((p) => p.name === name)) {
      const peak = median(figures[`${name} ${units}`]);
      rows.push([name, fmt(units), mib(peak), units === 1 ? '—' : bytes((peak - one) / (units - 1))]);
    }
  }
  section.table(['strategy', 'units', 'peak RSS', 'per added unit'], rows);
}

async function idleThreads(ctx, section) {
  const count = 8;
  const measure = (kind) => async () =>
    (await probe('idle-rss', { source: ctx.concur.source, kind, count }, { execArgv: ['--expose-gc'] }))
      .perUnitBytes;
  const figures = await interleaved(ctx.rounds.memory, {
    thread: measure('thread'),
    worker: measure('worker'),
  });
  const thread = median(figures.thread);
  const worker = median(figures.worker);
  section.note(
    `**An idle thread unit**: the resident memory ${count} thread units add once ready, one item answered and idle (after a collection), against ${count} hand-written \`new Worker()\`s that answered one message; a fresh process per measurement, ${ctx.rounds.memory} interleaved round${ctx.rounds.memory > 1 ? 's' : ''} (median). Almost all of it is each thread's own V8 isolate and event loop.`,
  );
  section.table(
    ['contender', 'RSS per idle unit', 'concur / hand'],
    [
      ['thread unit', mib(thread), ratio(thread / worker)],
      ['hand-written `new Worker()`', mib(worker), '1.00×'],
    ],
  );
}
