// The queue strategy: what a broker round trip costs per item against a pipe (process units) and against a
// hand-written BullMQ producer and workers doing the same work; the article's CPU experiment and GETs with
// 1,000 in flight on queue workers beside process and thread; what a queue unit costs to start and hold.
// Needs Redis on 127.0.0.1:6379; where none answers, the section says so and measures nothing.
import { createConnection } from 'node:net';
import { current, oneRun, paramsOf, race } from '../lib/concur.mjs';
import { interleaved } from '../lib/interleave.mjs';
import { probe } from '../lib/script.mjs';
import { median, perRound, summarizeRounds } from '../lib/stats.mjs';
import { fmt, mib, ms, range, ratio, Section, us } from '../lib/table.mjs';
import { tinyWorkload } from '../lib/tiny-workload.mjs';

const redisAnswers = () =>
  new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port: 6379 });
    socket.setTimeout(1_000, () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('connect', () => {
      socket.end();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

export async function queue(ctx) {
  const section = new Section('The queue strategy (BullMQ over Redis)', 'queue');
  if (!current.strategies.queue || !(await redisAnswers())) {
    section.note(
      'No Redis answered on 127.0.0.1:6379 (or the queue strategy is not built): nothing measured.',
    );
    return section;
  }
  await dispatch(ctx, section);
  await experiments(ctx, section);
  await unitCost(ctx, section);
  return section;
}

async function dispatch(ctx, section) {
  const rounds = ctx.rounds.queue;
  const shapes = [
    { units: 1, inFlight: 1, items: ctx.quick ? 200 : 2_000, label: '1 worker × 1 in flight' },
    { units: 2, inFlight: 64, items: ctx.quick ? 2_000 : 20_000, label: '2 workers × 64 in flight' },
  ];
  const vias = ['concur', 'units', 'bullmq', 'process'];
  const rows = [];
  for (const shape of shapes) {
    const figures = await interleaved(
      rounds,
      Object.fromEntries(
        vias.map((via) => [
          via,
          async () =>
            (
              await probe('queue', {
                source: ctx.concur.source,
                via,
                ...shape,
                warmupItems: shape.items / 10,
              })
            ).usPerItem,
        ]),
      ),
      { rotate: true },
    );
    const vsHand = summarizeRounds(perRound(figures.concur, figures.bullmq));
    const vsPipe = summarizeRounds(perRound(figures.concur, figures.process));
    rows.push([
      shape.label,
      us(median(figures.concur)),
      us(median(figures.units)),
      us(median(figures.bullmq)),
      us(median(figures.process)),
      `${ratio(vsHand.median)} (${range(vsHand)})`,
      `${ratio(vsPipe.median)}`,
    ]);
    section.check(
      vsHand.median <= 1.05,
      `queue ${shape.label}: concur ${ratio(vsHand.median)} the hand-written BullMQ script's cost per item (bar ≤ 1.05×)`,
    );
  }
  section.note(
    `**Dispatch**: tiny items (each returns its input), µs per item after a warm-up in the same fresh process, start-up excluded; ${rounds} rounds, order rotated each round, medians. "engine" is concur's engine on queue units; "units alone" the same units fed by a minimal loop; "hand-written" a producer keeping the same number of jobs on one BullMQ queue, learning of each completion from QueueEvents, with the same number of forked BullMQ workers; "process" concur's engine on process units of the same shape (a pipe instead of the broker).`,
  );
  section.table(
    [
      'shape',
      'engine',
      'units alone',
      'hand-written BullMQ',
      'process (pipe)',
      'engine / hand',
      'queue / process',
    ],
    rows,
  );
}

async function experiments(ctx, section) {
  const runs = ctx.rounds.queue;
  const { articleCpu, httpGet } = current.workloads;
  const { items, n } = ctx.article;
  const cpu = await race({
    workload: articleCpu,
    params: paramsOf(articleCpu, { items, n }),
    strategies: ['thread', 'process', 'queue'],
    runs,
    baseline: true,
    report: true,
  });
  const inFlight = ctx.quick ? 50 : 500;
  const io = await race({
    workload: httpGet,
    params: paramsOf(httpGet, { items: ctx.quick ? 500 : 5_000, keepAlive: true }),
    strategies: ['thread', 'process', 'queue'],
    concurrency: [2],
    strategyOptions: Object.fromEntries(['thread', 'process', 'queue'].map((name) => [name, { inFlight }])),
    runs,
    report: true,
  });
  const row = (s) => [
    s.strategy,
    String(s.concurrency),
    ms(s.wall.median),
    s.speedup ? `${fmt(s.speedup.value, 2)}×` : '—',
    ms(s.startupMs),
    mib(s.peakRssBytes),
  ];
  section.note(
    `**${articleCpu.name}** (${items} items, n = ${fmt(n)}), baseline, thread, process and queue at concur's default concurrency, ${runs} interleaved runs each, medians; speedup against the sequential baseline.`,
  );
  section.table(
    ['strategy', 'units', 'wall', 'speedup', 'start-up', 'peak RSS'],
    cpu.report.summary.map(row),
  );
  section.note(
    `**${httpGet.name}**: ${fmt(ctx.quick ? 500 : 5_000)} keep-alive GETs of concur's loopback server (100 ms each), 2 units × ${inFlight} in flight = ${fmt(2 * inFlight)} at once, ${runs} interleaved runs, medians (no baseline: it would take minutes).`,
  );
  section.table(['strategy', 'units', 'wall', 'speedup', 'start-up', 'peak RSS'], io.report.summary.map(row));
}

async function unitCost(ctx, section) {
  const workload = tinyWorkload();
  const levels = [1, 4];
  const plan = ['process', 'queue'].flatMap((name) => levels.map((units) => ({ name, units })));
  const figures = await interleaved(
    ctx.rounds.queue,
    Object.fromEntries(
      plan.map(({ name, units }) => [
        `${name} ${units}`,
        async () => {
          const record = await oneRun({
            workload,
            params: { items: units },
            strategies: [name],
            concurrency: [units],
          });
          return { startup: record.startupMs, rss: record.peakRssBytes };
        },
      ]),
    ),
  );
  const rows = plan.map(({ name, units }) => {
    const runs = figures[`${name} ${units}`];
    const one = figures[`${name} 1`];
    const rss = median(runs.map((r) => r.rss));
    const rssOne = median(one.map((r) => r.rss));
    return [
      name,
      String(units),
      ms(median(runs.map((r) => r.startup))),
      mib(rss),
      units === 1 ? '—' : mib((rss - rssOne) / (units - 1)),
    ];
  });
  section.note(
    `**What a unit costs**: one tiny item per unit, in a fresh engine process per run, ${ctx.rounds.queue} runs per level (medians). Start-up is from the first spawn until every unit is ready; peak RSS is the engine's plus each unit process's own peak.`,
  );
  section.table(['strategy', 'units', 'start-up', 'peak RSS', 'per added unit'], rows);
}
