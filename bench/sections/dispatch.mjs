// Dispatch: what concur costs per item, with one item in flight (the round trip) and with many (the
// throughput), on process, thread and async units. Tiny items through concur's engine against the strategy's
// units alone (fed by a minimal loop: what the strategy itself costs) and against each strategy's peer
// library, same units and same items in flight. Every measurement in a fresh process, after a warm-up.
//
// With `--against DIR` the contenders of each row are this tree's engine and DIR's, in alternated order.
import { againstNote, noWorseCheck } from '../lib/against.mjs';
import { STRATEGY_NAMES } from '../lib/concur.mjs';
import { interleaved } from '../lib/interleave.mjs';
import { probe } from '../lib/script.mjs';
import { perRound, summarizeRounds } from '../lib/stats.mjs';
import { fmt, range, ratio, Section, us } from '../lib/table.mjs';

/** The rows: per strategy, one item in flight, then many. */
function rowsOf(ctx) {
  const many = ctx.quick ? 16 : 64;
  const slots = ctx.quick ? 100 : 1_000;
  const pool = { process: 'tinypool', thread: 'piscina', async: 'p-limit' };
  // Enough items that a run lasts about a second or more on a shared 2-core machine.
  const one = ctx.quick ? 1_000 : 5_000;
  const lots = ctx.quick ? 5_000 : 50_000;
  const rows = [];
  for (const strategy of STRATEGY_NAMES) {
    const shapes =
      strategy === 'async'
        ? [
            { units: 1, inFlight: 1, items: lots, label: '1 slot' },
            { units: slots, inFlight: 1, items: lots, label: `${fmt(slots)} slots` },
          ]
        : [
            { units: 1, inFlight: 1, items: one, label: '1 unit × 1 in flight' },
            { units: 2, inFlight: many, items: lots, label: `2 units × ${many} in flight` },
          ];
    for (const shape of shapes) rows.push({ strategy, peer: pool[strategy], ...shape });
  }
  return rows;
}

const PEER_LABEL = {
  tinypool: (r) => `tinypool child_process, ${r.units} worker${r.units > 1 ? 's' : ''} × ${r.inFlight}`,
  piscina: (r) => `piscina, ${r.units} thread${r.units > 1 ? 's' : ''} × ${r.inFlight}`,
  'p-limit': (r) => `p-limit(${fmt(r.units)})`,
};

export async function dispatch(ctx) {
  const section = new Section('Dispatch: what concur costs per item', 'dispatch');
  const rounds = ctx.rounds.dispatch;
  const rows = rowsOf(ctx);
  const measure = (row, via, concur) => async () =>
    (
      await probe('dispatch', {
        source: concur?.source ?? ctx.concur.source,
        via,
        strategy: row.strategy,
        units: row.units,
        inFlight: row.inFlight,
        items: row.items,
        warmupItems: row.items / 10,
      })
    ).usPerItem;
  section.note(
    `Items that return their input (process, thread) or await one microtask (async): ${fmt(rows[0].items)} on one process or thread unit with one in flight, ${fmt(rows[1].items)} otherwise; each measurement in a fresh process after a warm-up of a tenth of the items in the same process; µs per item after start-up, median of ${rounds} interleaved rounds; lower is better. "concur" is the engine (\`runStrategy\`: per-item deadlines, live state and records included), its steady state: wall less start-up (every unit ready) over the items that settled after start-up (its units become ready one by one and the first takes items while the others start, so wall less start-up over every item undercounts); "units only" is the strategy's units fed by a minimal dispatch loop, what the strategy itself costs. ${ctx.against ? '' : 'The peer library gets the same units and the same items in flight per worker (`concurrentTasksPerWorker`), every item at once on a started pool, its usual use.'}`,
  );
  if (ctx.against) {
    section.note(againstNote(ctx, 'this tree, the other'));
    const results = [];
    for (const row of rows) {
      const figures = await interleaved(
        rounds,
        { this: measure(row, 'concur', ctx.concur), against: measure(row, 'concur', ctx.against) },
        { rotate: true },
      );
      results.push({
        row,
        this: summarizeRounds(figures.this),
        against: summarizeRounds(figures.against),
        versus: summarizeRounds(perRound(figures.this, figures.against)),
      });
    }
    section.table(
      [
        'strategy',
        'in flight',
        `${ctx.concur.label} µs/item`,
        `${ctx.against.label} µs/item`,
        'this / other (median of rounds)',
        'range of rounds',
      ],
      results.map((r) => [
        r.row.strategy,
        r.row.label,
        us(r.this.median),
        us(r.against.median),
        ratio(r.versus.median),
        range(r.versus),
      ]),
    );
    for (const r of results)
      noWorseCheck(section, ctx, `dispatch ${r.row.strategy} ${r.row.label}`, r.versus);
    return section;
  }
  const results = [];
  for (const row of rows) {
    const figures = await interleaved(rounds, {
      concur: measure(row, 'concur'),
      units: measure(row, 'units'),
      peer: measure(row, row.peer),
    });
    results.push({
      row,
      peerLabel: PEER_LABEL[row.peer](row),
      concur: summarizeRounds(figures.concur),
      units: summarizeRounds(figures.units),
      peer: summarizeRounds(figures.peer),
      versus: summarizeRounds(perRound(figures.concur, figures.peer)),
    });
  }
  section.table(
    [
      'strategy',
      'in flight',
      'concur µs/item',
      'units only µs/item',
      'peer',
      'peer µs/item',
      'concur / peer (median of rounds)',
      'range of rounds',
    ],
    results.map((r) => [
      r.row.strategy,
      r.row.label,
      us(r.concur.median),
      us(r.units.median),
      r.peerLabel,
      us(r.peer.median),
      ratio(r.versus.median),
      range(r.versus),
    ]),
  );
  for (const r of results)
    section.ratioCheck(
      `dispatch ${r.row.strategy} ${r.row.label}: concur ${us(r.concur.median)}/item ≤ ${r.peerLabel} ${us(r.peer.median)}/item (ratio ${fmt(r.versus.median, 2)})`,
      r.versus,
      { highest: 1 },
    );
  return section;
}
