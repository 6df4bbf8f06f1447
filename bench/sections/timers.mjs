// Timer waits in flight: N items that each wait 100 ms on a timer, all in flight at once on N async
// slots. No network and no CPU to speak of, so what is left is the cost of holding that many items: run
// time over the wait, and memory per item, through concur's engine, through the slots alone, through
// p-limit and through a bare Promise.all (the floor this machine allows). Each run in a fresh process.
import { interleaved } from '../lib/interleave.mjs';
import { probe } from '../lib/script.mjs';
import { median, perRound, summarizeRounds } from '../lib/stats.mjs';
import { fmt, kib, ms, range, ratio, Section } from '../lib/table.mjs';

const WAYS = {
  concur: 'concur (`runStrategy` on async slots)',
  slots: 'async slots alone, minimal dispatch loop',
  'p-limit': 'p-limit(N)',
  bare: 'bare `Promise.all`',
};

export async function timers(ctx) {
  const section = new Section('Timer waits in flight', 'timers');
  const items = ctx.quick ? 1_000 : 10_000;
  const waitMs = 100;
  const rounds = ctx.rounds.timers;
  const figures = await interleaved(
    rounds,
    Object.fromEntries(
      Object.keys(WAYS).map((via) => [
        via,
        () =>
          probe('timers', { source: ctx.concur.source, via, items, waitMs }, { execArgv: ['--expose-gc'] }),
      ]),
    ),
  );
  section.note(
    `${fmt(items)} items that each wait ${waitMs} ms on a timer, ${fmt(items)} in flight at once (${fmt(items)} async slots, or p-limit(${fmt(items)})), after a 100-item warm-up in the same fresh process; ${rounds} interleaved rounds, medians. "Run" is after start-up (the slots spawned); "/ bare" is the run over the bare \`Promise.all\` run of the same round. RSS per item is the peak during the run over the settled RSS before it, per item; for the slots alone it splits into the idle slots and the items in flight.`,
  );
  const bareRuns = figures.bare.map((f) => f.runMs);
  const rows = Object.entries(WAYS).map(([via, label]) => {
    const runs = figures[via];
    const run = median(runs.map((f) => f.runMs));
    const versus = summarizeRounds(
      perRound(
        runs.map((f) => f.runMs),
        bareRuns,
      ),
    );
    const perSlot = median(runs.map((f) => f.rssPerSlotBytes));
    const perItem = median(runs.map((f) => f.rssPerItemBytes));
    return [
      label,
      via === 'concur' || via === 'slots' ? ms(median(runs.map((f) => f.startupMs))) : '—',
      ms(run),
      ratio(run / waitMs),
      via === 'bare' ? '1×' : `${ratio(versus.median)} (${range(versus)})`,
      Number.isFinite(perSlot)
        ? `${kib(perItem)} = ${kib(perSlot)} per idle slot + ${kib(median(runs.map((f) => f.rssPerInFlightBytes)))} in flight`
        : kib(perItem),
    ];
  });
  section.table(['contender', 'start-up', 'run', 'run / wait', 'run / bare (range)', 'RSS per item'], rows);
  return section;
}
