// The article reproduced, as concur reports it: on the CPU-bound experiment processes and threads reach a
// speedup near min(cores, items) while async stays near 1×; on c10k the event loop finishes closest to the
// latency limit with the least memory. Each claim is printed as a pass/fail line against the theory.
import { machineCeiling } from '../lib/ceiling.mjs';
import { current, paramsOf, race, STRATEGY_NAMES, startLoopbackServer } from '../lib/concur.mjs';
import { interleaved } from '../lib/interleave.mjs';
import { median } from '../lib/stats.mjs';
import { fmt, mib, ms, ratio, Section } from '../lib/table.mjs';

const { articleCpu, c10k } = current.workloads;

export async function article(ctx) {
  const section = new Section('The article reproduced', 'article');
  await cpuExperiment(ctx, section);
  await c10kExperiment(ctx, section);
  return section;
}

async function cpuExperiment(ctx, section) {
  const { items, n, itemMs } = ctx.speedup;
  const cores = ctx.machine.cores;
  const ideal = Math.min(cores, items);
  const runs = ctx.rounds.article;
  // One comparison, as `concur run article-cpu` makes it: the sequential baseline and each strategy at its
  // default concurrency, interleaved run by run, each run in an engine process of its own.
  const { report } = await race({
    workload: articleCpu,
    params: paramsOf(articleCpu, { items, n }),
    strategies: STRATEGY_NAMES,
    runs,
    baseline: true,
    report: true,
  });
  section.note(
    `**${articleCpu.name}** (${items} items, n = ${fmt(n)}, about ${ms(itemMs)} an item here: three times the fidelity rows' item, so that starting a Node process is a few per cent of a unit's work, as starting a Python process is in the article), baseline and every strategy at concur's default concurrency, ${runs} interleaved runs each. Speedup is concur's own figure (baseline mean wall / strategy mean wall); "CPU" is cores kept busy (CPU time / wall).`,
  );
  const row = (s) => [
    s.strategy,
    String(s.concurrency),
    ms(s.wall.median),
    s.speedup
      ? `${fmt(s.speedup.value, 2)}×${s.speedup.uncertainty != null ? ` ± ${fmt(s.speedup.uncertainty, 2)}` : ''}`
      : '—',
    fmt(s.cpuUtilisation, 2),
    mib(s.peakRssBytes),
  ];
  section.table(
    ['strategy', 'units', 'wall (median)', 'speedup', 'CPU', 'peak RSS'],
    report.summary.map(row),
  );
  const ceiling = await machineCeiling(runs, { items, n, units: ideal });
  section.note(
    `This machine's own ceiling: the hand-written fork script ran the same ${items} items ${fmt(ceiling, 2)}× faster with ${ideal} children than with one (medians of ${runs} interleaved runs), start-up included. A strategy's speedup can only approach it.`,
  );
  const by = Object.fromEntries(report.summary.map((s) => [s.strategy, s]));
  for (const name of ['process', 'thread']) {
    const speedup = by[name]?.speedup?.value ?? Number.NaN;
    section.check(
      speedup >= 0.95 * ideal,
      `${name} speedup ${fmt(speedup, 2)} ≥ 0.95 × ${ideal} = ${fmt(0.95 * ideal, 2)} (machine ceiling ${fmt(ceiling, 2)}: ${fmt(speedup / ceiling, 2)} of it)`,
    );
  }
  const asyncSpeedup = by.async?.speedup?.value ?? Number.NaN;
  section.check(
    asyncSpeedup >= 0.85 && asyncSpeedup <= 1.15,
    `async speedup ${fmt(asyncSpeedup, 2)} near 1× (0.85…1.15): one thread, whatever the number of slots`,
  );
  const baselineCpu = by.baseline?.cpuUtilisation ?? Number.NaN;
  if (baselineCpu < 0.9)
    section.note(
      `The sequential baseline kept ${fmt(baselineCpu * 100)}% of one core busy (median): well below 100%, other work held the CPU during this section.`,
    );
}

async function c10kExperiment(ctx, section) {
  const { items } = ctx.c10k;
  const latencyMs = 100;
  // Every strategy holds every request in flight at once: 10,000 async slots, or 2 units (one per core)
  // holding half each. 10,000 threads or processes would be 10,000 V8 isolates, which is the article's point.
  const perUnit = items / 2;
  const plans = {
    process: { concurrency: 2, options: { inFlight: perUnit } },
    thread: { concurrency: 2, options: { inFlight: perUnit } },
    async: { concurrency: items },
  };
  const server = await startLoopbackServer({ latencyMs });
  // Each run as `concur run c10k` makes it: through `compare`, its engine in a process of its own.
  const contenders = Object.fromEntries(
    STRATEGY_NAMES.map((name) => [
      name,
      async () => {
        const { records } = await race({
          workload: c10k,
          params: paramsOf(c10k, { items, url: server.url }),
          strategies: [name],
          concurrency: [plans[name].concurrency],
          strategyOptions: plans[name].options ? { [name]: plans[name].options } : undefined,
          timeoutMs: 60_000,
          allowFailures: true,
        });
        return records[0];
      },
    ]),
  );
  const figures = await interleaved(ctx.rounds.c10k, contenders).finally(() => server.stop());
  // With every request in flight at once, the whole run can take no less than one latency.
  section.note(
    `**${c10k.name}**: ${fmt(items)} GETs to concur's loopback server (${latencyMs} ms latency, in its own process), all in flight at once: async with ${fmt(items)} slots; process and thread with 2 units holding ${fmt(perUnit)} each. The latency limit is ${latencyMs} ms: no run can finish sooner. ${ctx.rounds.c10k} interleaved runs each (through \`compare\`, as \`concur run c10k\` makes them), medians; wall includes start-up.`,
  );
  const summary = STRATEGY_NAMES.map((name) => {
    const records = figures[name];
    const wall = median(records.map((r) => r.wallMs));
    const startup = median(records.map((r) => r.startupMs));
    const rss = median(records.map((r) => r.peakRssBytes));
    const failed = records.reduce((sum, r) => sum + r.items.failed, 0);
    const reason = records.find((r) => r.aborted)?.aborted ?? records.flatMap((r) => r.failures)[0]?.message;
    return { name, wall, startup, rss, failed, reason };
  });
  section.table(
    [
      'strategy',
      'wall',
      'wall / latency limit',
      'of which start-up',
      'after start-up / limit',
      'peak RSS',
      'failed GETs',
    ],
    summary.map((s) => [
      s.name,
      ms(s.wall),
      ratio(s.wall / latencyMs),
      ms(s.startup),
      ratio((s.wall - s.startup) / latencyMs),
      mib(s.rss),
      s.failed ? `${fmt(s.failed)} (${s.reason})` : '0',
    ]),
  );
  for (const s of summary)
    if (s.failed)
      section.note(
        `${s.name}: ${fmt(s.failed)} of ${fmt(items * records(figures, s.name))} GETs failed: "${s.reason}". Its wall and memory are those of runs with failures.`,
      );
  const fastest = summary.reduce((a, b) => (b.wall < a.wall ? b : a));
  const leanest = summary.reduce((a, b) => (b.rss < a.rss ? b : a));
  const asyncRow = summary.find((s) => s.name === 'async');
  section.check(
    fastest.name === 'async' && asyncRow.failed === 0,
    `c10k: async closest to the latency limit — async ${ratio(asyncRow.wall / latencyMs)} of it, best ${fastest.name} ${ratio(fastest.wall / latencyMs)}`,
  );
  section.check(
    leanest.name === 'async',
    `c10k: async uses the least memory — async ${mib(asyncRow.rss)}, least ${leanest.name} ${mib(leanest.rss)}`,
  );
}

const records = (figures, name) => figures[name].length;
