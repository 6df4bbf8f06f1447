// Fidelity: concur's wall time for each strategy against a minimal hand-written script doing the same work
// the same way (bare fork, bare Worker, bare Promise.all), each concur run between two of the script's.
// Both clocks include start-up: concur's record.wallMs runs from the first spawn to the last settled item,
// the script's from before its first spawn to its last answer. Each runs in a fresh process.
//
// With `--against DIR` every round runs this tree's concur and DIR's, each between two runs of the same
// script, in alternated order (bare, this, bare, DIR, bare | bare, DIR, bare, this, bare …).
import { againstNote, noWorseCheck } from '../lib/against.mjs';
import { oneRun, paramsOf, runHand, STRATEGY_NAMES, startLoopbackServer } from '../lib/concur.mjs';
import { SETTLE_MS, sandwiched } from '../lib/interleave.mjs';
import { median, perRound, sandwichRatios, summarizeRounds } from '../lib/stats.mjs';
import { fmt, ms, range, ratio, Section } from '../lib/table.mjs';

const TOLERANCE = 0.05;

export async function fidelity(ctx) {
  const section = new Section('Fidelity: concur against hand-written code', 'fidelity');
  const sides = concurs(ctx);
  section.note(
    `Each row: the same work run by concur (one run through \`compare\`, its engine in a process of its own) and by a minimal hand-written script (in a fresh process). Each of ${ctx.rounds.fidelity} concur runs${ctx.against ? ' of each side' : ''} sits between two runs of the script (bare, concur, bare, concur … bare), with ${SETTLE_MS} ms after every run for its processes and connections to wind down; a round's ratio is concur over the mean of the bare runs either side, and the row gives the median of the rounds. The noise floor is how much one bare run differs from the next on this machine. Both wall times include spawning the units. Bar: concur within ±${TOLERANCE * 100}% of the hand-written script.`,
  );
  if (ctx.against) section.note(againstNote(ctx, 'bare, this tree, bare, the other, bare'));
  const rows = [];
  await cpuBound(ctx, section, sides, rows);
  await http(ctx, section, sides, rows);
  if (ctx.against)
    section.table(
      [
        'workload',
        'strategy (units)',
        'hand-written',
        ctx.concur.label,
        ctx.against.label,
        'this / hand',
        'other / hand',
        'this / other (median of rounds)',
        'range of rounds',
      ],
      rows.map((r) => [
        r.workload,
        r.label,
        ms(r.hand),
        ms(r.walls.this),
        ms(r.walls.against),
        ratio(r.fidelity.this.median),
        ratio(r.fidelity.against.median),
        ratio(r.versus.median),
        range(r.versus),
      ]),
    );
  else
    section.table(
      [
        'workload',
        'strategy (units)',
        'hand-written',
        'concur',
        'concur / hand (median of rounds)',
        'range of rounds (~97% interval of the median)',
        'bare / previous bare (range)',
      ],
      rows.map((r) => [
        r.workload,
        r.label,
        ms(r.hand),
        ms(r.walls.this),
        ratio(r.fidelity.this.median),
        range(r.fidelity.this),
        range(r.noise),
      ]),
    );
  for (const r of rows)
    section.ratioCheck(
      `fidelity ${r.workload} ${r.label}: concur / hand-written ${fmt(r.fidelity.this.median, 3)} within 1 ± ${TOLERANCE}`,
      r.fidelity.this,
      { lowest: 1 - TOLERANCE, highest: 1 + TOLERANCE },
    );
  if (ctx.against)
    for (const r of rows) noWorseCheck(section, ctx, `fidelity ${r.workload} ${r.label}`, r.versus);
  return section;
}

/** The concurs a row measures: this tree's, and with --against the other checkout's. */
function concurs(ctx) {
  return ctx.against ? { this: ctx.concur, against: ctx.against } : { this: ctx.concur };
}

async function cpuBound(ctx, section, sides, rows) {
  const { items, n } = ctx.article;
  const cores = ctx.machine.cores;
  // concur's defaults: process and thread get one unit per core, async its 64 slots, each at most one per item.
  const units = {
    process: Math.min(cores, items),
    thread: Math.min(cores, items),
    async: Math.min(64, items),
  };
  section.note(
    `**article-cpu**: ${items} items of the article's loop \`count += i\` for i below n = ${fmt(n)} (about ${ms(ctx.itemMs)} an item here).`,
  );
  for (const strategy of STRATEGY_NAMES) {
    const run = (concur) => async () => {
      const { articleCpu } = concur.workloads;
      const record = await oneRun({
        concur,
        workload: articleCpu,
        params: paramsOf(articleCpu, { items, n }),
        strategies: [strategy],
        concurrency: [units[strategy]],
      });
      return record.wallMs;
    };
    const figures = await sandwiched(
      ctx.rounds.fidelity,
      async () =>
        (await runHand(strategy, { work: 'sum', input: n, items, units: units[strategy], inFlight: 1 }))
          .wallMs,
      mapSides(sides, run),
      { rotate: true },
    );
    rows.push(row('article-cpu', `${strategy} (${units[strategy]})`, figures));
  }
}

async function http(ctx, section, sides, rows) {
  const { items, inFlight } = ctx.http;
  const server = await startLoopbackServer({ latencyMs: 100 });
  try {
    // 1,000 requests in flight on every strategy: 1,000 async slots, or 2 units holding 500 each.
    const units = { process: 2, thread: 2, async: inFlight };
    const perUnit = { process: inFlight / 2, thread: inFlight / 2, async: 1 };
    section.note(
      `**http-get**: ${fmt(items)} GETs at ${fmt(inFlight)} in flight to concur's loopback server (100 ms latency, 1 KiB body, keep-alive), one server process (this tree's) shared by every side. Process and thread: 2 units with ${fmt(inFlight / 2)} requests in flight each (\`inFlight\` option); async: ${fmt(inFlight)} slots.`,
    );
    for (const strategy of STRATEGY_NAMES) {
      const run = (concur) => async () => {
        const { httpGet } = concur.workloads;
        const record = await oneRun({
          concur,
          workload: httpGet,
          params: paramsOf(httpGet, { items, url: server.url }),
          strategies: [strategy],
          concurrency: [units[strategy]],
          strategyOptions: strategy === 'async' ? undefined : { [strategy]: { inFlight: perUnit[strategy] } },
        });
        return record.wallMs;
      };
      const figures = await sandwiched(
        ctx.rounds.fidelity,
        async () =>
          (
            await runHand(strategy, {
              work: 'get',
              input: server.url,
              items,
              units: units[strategy],
              inFlight: perUnit[strategy],
            })
          ).wallMs,
        mapSides(sides, run),
        { rotate: true },
      );
      rows.push(row('http-get', `${strategy} (${units[strategy]} × ${perUnit[strategy]})`, figures));
    }
  } finally {
    await server.stop();
  }
}

const mapSides = (sides, make) =>
  Object.fromEntries(Object.entries(sides).map(([side, concur]) => [side, make(concur)]));

function row(workload, label, { reference: hand, runs }) {
  // Each round pairs a concur run with the bare runs just before and after it, which a slow drift of a
  // shared machine's load cannot tell apart.
  const sides = Object.keys(runs);
  const fidelity = {};
  const walls = {};
  let noise;
  for (const side of sides) {
    const ratios = sandwichRatios(hand, runs[side]);
    fidelity[side] = summarizeRounds(ratios.ratios);
    noise = summarizeRounds(ratios.noise);
    walls[side] = median(runs[side].map((r) => r.value));
  }
  const values = (side) => runs[side].map((r) => r.value);
  const versus = runs.against ? summarizeRounds(perRound(values('this'), values('against'))) : undefined;
  return { workload, label, hand: median(hand), walls, fidelity, noise, versus };
}
