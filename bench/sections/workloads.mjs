// The built-in workloads the other sections do not race: the article's I/O experiment, both hash workloads
// (does one event loop get help from libuv's thread pool?), and c10k at 1,000 against 10,000 async slots.
// Each is one comparison as `concur run` makes it: the baseline and the strategies interleaved run by run,
// each run in an engine process of its own.
import { current, paramsOf, race } from '../lib/concur.mjs';
import { fmt, mib, ms, Section } from '../lib/table.mjs';

export async function workloads(ctx) {
  const section = new Section('The built-in workloads', 'workloads');
  const { articleIo, cpuHash, cpuHashAsync, c10k } = current.workloads;
  const runs = ctx.rounds.workloads;
  const quick = ctx.quick;
  const scenarios = [
    {
      workload: articleIo,
      values: {},
      strategies: ['process', 'thread', 'async'],
      concurrency: [5],
      baseline: true,
      why: "the article's I/O experiment: each strategy with 5 units, one per GET",
    },
    {
      workload: cpuHash,
      values: { items: 8, rounds: quick ? 20 : 200 },
      strategies: ['async'],
      concurrency: [8],
      baseline: true,
      why: 'synchronous digests: one event loop gets no help',
    },
    {
      workload: cpuHashAsync,
      values: { items: 8, iterations: quick ? 20_000 : 200_000 },
      strategies: ['async'],
      concurrency: [8],
      baseline: true,
      why: "PBKDF2 on libuv's thread pool: one event loop does get help",
    },
    {
      workload: c10k,
      values: quick ? { items: 1_000 } : {},
      strategies: ['async'],
      concurrency: quick ? [100, 1_000] : [1_000, 10_000],
      baseline: false,
      why: 'a slot per request in flight, or a tenth of that',
    },
  ];
  section.note(
    `Each row group is one comparison, as \`concur run WORKLOAD\` makes it: ${runs} interleaved run${runs > 1 ? 's' : ''} of each contender, each in an engine process of its own, medians; speedup is concur's own figure against the sequential baseline where there is one. The loopback server runs in a process of its own; its CPU is given for the whole comparison. ${scenarios.map((s) => `**${s.workload.name}**: ${s.why}.`).join(' ')}`,
  );
  const rows = [];
  for (const s of scenarios) {
    const params = paramsOf(s.workload, s.values);
    const { report, comparison } = await race({
      workload: s.workload,
      params,
      strategies: s.strategies,
      concurrency: s.concurrency,
      runs,
      baseline: s.baseline,
      timeoutMs: 120_000,
      report: true,
    });
    const server = comparison.services?.server;
    const serverCpu = server ? ms(server.cpuUserMs + server.cpuSystemMs) : '—';
    const setting = Object.entries(s.values)
      .map(([k, v]) => `${k}=${v}`)
      .join(' ');
    report.summary.forEach((summary, i) => {
      rows.push([
        i === 0 ? `${s.workload.name}${setting ? ` (${setting})` : ''}` : '',
        summary.strategy,
        fmt(summary.concurrency),
        ms(summary.wall.median),
        summary.speedup ? `${fmt(summary.speedup.value, 2)}×` : '—',
        fmt(summary.cpuUtilisation, 2),
        mib(summary.peakRssBytes),
        i === 0 ? serverCpu : '',
      ]);
    });
  }
  section.table(
    ['workload', 'strategy', 'units', 'wall (median)', 'speedup', 'CPU', 'peak RSS', 'server CPU'],
    rows,
  );
  return section;
}
