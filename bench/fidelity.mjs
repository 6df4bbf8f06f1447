// Fidelity: concur's wall time for each strategy against a minimal hand-written script doing the same work
// the same way (bare fork, bare Worker, bare Promise.all), each concur run between two of the script's.
// Both clocks include start-up: concur's record.wallMs runs from the first spawn to the last settled item,
// the script's from before its first spawn to its last answer. Each runs in a fresh process.
import { articleCpu, httpGet } from '@concur/workloads';
import { oneRun, paramsOf, runHand, STRATEGY_NAMES, startLoopbackServer } from './lib/concur.mjs';
import { SETTLE_MS, sandwiched } from './lib/interleave.mjs';
import { max, median, min, sandwichRatios } from './lib/stats.mjs';
import { fmt, ms, ratio, Section } from './lib/table.mjs';

const TOLERANCE = 0.05;

export async function fidelity(ctx) {
  const section = new Section('Fidelity: concur against hand-written code');
  section.note(
    `Each row: the same work run by concur (one run through \`compare\`, its engine in a process of its own) and by a minimal hand-written script (in a fresh process). Each of ${ctx.rounds.fidelity} concur runs sits between two runs of the script (bare, concur, bare, concur … bare), with ${SETTLE_MS} ms after every run for its processes and connections to wind down; a round's ratio is concur over the mean of the bare runs either side, and the row gives the median of the rounds. The last column is the noise floor: how much one bare run differs from the next on this machine. Both wall times include spawning the units. Bar: concur within ±${TOLERANCE * 100}% of the hand-written script.`,
  );
  const rows = [];
  await cpuBound(ctx, section, rows);
  await http(ctx, section, rows);
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
    rows,
  );
  for (const row of rows) {
    const r = row.ratio;
    const pass = Math.abs(r - 1) <= TOLERANCE;
    // With n rounds, the least and greatest round bound the median with probability 1 - 2 / 2^n (97% for
    // 6): a miss whose range holds 1 is a difference this machine's noise cannot tell from none.
    const unresolved = !pass && row.low <= 1 && row.high >= 1;
    section.check(
      pass,
      `fidelity ${row[0]} ${row[1]}: concur / hand-written ${fmt(r, 3)} within 1 ± ${TOLERANCE}${unresolved ? ` (rounds ${fmt(row.low, 2)}…${fmt(row.high, 2)} hold 1: not resolved at this noise)` : ''}`,
    );
  }
  return section;
}

async function cpuBound(ctx, section, rows) {
  const { items, n } = ctx.article;
  const cores = ctx.machine.cores;
  // concur's defaults: process and thread get one unit per core, async its 64 slots, each at most one per item.
  const units = {
    process: Math.min(cores, items),
    thread: Math.min(cores, items),
    async: Math.min(64, items),
  };
  section.note(
    `**${articleCpu.name}**: ${items} items of the article's loop \`count += i\` for i below n = ${fmt(n)} (about ${ms(ctx.itemMs)} an item here).`,
  );
  for (const strategy of STRATEGY_NAMES) {
    const figures = await sandwiched(
      ctx.rounds.fidelity,
      async () =>
        (await runHand(strategy, { work: 'sum', input: n, items, units: units[strategy], inFlight: 1 }))
          .wallMs,
      async () =>
        (
          await oneRun({
            workload: articleCpu,
            params: paramsOf(articleCpu, { items, n }),
            strategies: [strategy],
            concurrency: [units[strategy]],
          })
        ).wallMs,
    );
    rows.push(row(articleCpu.name, `${strategy} (${units[strategy]})`, figures));
  }
}

async function http(ctx, section, rows) {
  const { items, inFlight } = ctx.http;
  const server = await startLoopbackServer({ latencyMs: 100 });
  try {
    // 1,000 requests in flight on every strategy: 1,000 async slots, or 2 units holding 500 each.
    const units = { process: 2, thread: 2, async: inFlight };
    const perUnit = { process: inFlight / 2, thread: inFlight / 2, async: 1 };
    section.note(
      `**${httpGet.name}**: ${fmt(items)} GETs at ${fmt(inFlight)} in flight to concur's loopback server (100 ms latency, 1 KiB body, keep-alive), one server process shared by both sides. Process and thread: 2 units with ${fmt(inFlight / 2)} requests in flight each (\`inFlight\` option); async: ${fmt(inFlight)} slots.`,
    );
    for (const strategy of STRATEGY_NAMES) {
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
        async () =>
          (
            await oneRun({
              workload: httpGet,
              params: paramsOf(httpGet, { items, url: server.url }),
              strategies: [strategy],
              concurrency: [units[strategy]],
              strategyOptions:
                strategy === 'async' ? undefined : { [strategy]: { inFlight: perUnit[strategy] } },
            })
          ).wallMs,
      );
      rows.push(row(httpGet.name, `${strategy} (${units[strategy]} × ${perUnit[strategy]})`, figures));
    }
  } finally {
    await server.stop();
  }
}

function row(workload, label, { reference: hand, contender: concur }) {
  // Each round pairs a concur run with the bare runs just before and after it, which a slow drift of a
  // shared machine's load cannot tell apart.
  const { ratios, noise } = sandwichRatios(hand, concur);
  const r = median(ratios);
  const cells = [
    workload,
    label,
    ms(median(hand)),
    ms(median(concur)),
    ratio(r),
    `${fmt(min(ratios), 2)}…${fmt(max(ratios), 2)}`,
    `${fmt(min(noise), 2)}…${fmt(max(noise), 2)}`,
  ];
  cells.ratio = r;
  cells.low = min(ratios);
  cells.high = max(ratios);
  return cells;
}
