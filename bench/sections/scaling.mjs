// Scaling: a concurrency sweep 1, 2, 4, 8 of every strategy on cpu-sum, the parallel fraction fitted from
// Amdahl's law on the levels this machine's cores could serve, and the speedup a machine with more cores
// would see predicted from it.
import { machineCeiling } from '../lib/ceiling.mjs';
import { current, paramsOf, race, STRATEGY_NAMES } from '../lib/concur.mjs';
import { amdahl, fitAmdahl } from '../lib/stats.mjs';
import { fmt, ms, Section } from '../lib/table.mjs';

const { cpuSum } = current.workloads;

const LEVELS = [1, 2, 4, 8];
const PREDICT_FOR = [4, 8];

export async function scaling(ctx) {
  const section = new Section('Scaling', 'scaling');
  const { items, n } = ctx.scaling;
  const cores = ctx.machine.cores;
  const runs = ctx.rounds.scaling;
  // One comparison with a sweep, as `concur run cpu-sum --concurrency 1,2,4,8` makes it: baseline, then
  // every strategy at every level, interleaved run by run.
  const { report } = await race({
    workload: cpuSum,
    params: paramsOf(cpuSum, { items, n }),
    strategies: STRATEGY_NAMES,
    concurrency: LEVELS,
    runs,
    baseline: true,
    report: true,
  });
  const fittedLevels = LEVELS.filter((l) => l > 1 && l <= cores)
    .map((l) => `×${l}`)
    .join(', ');
  section.note(
    `**cpu-sum**, ${items} items, n = ${fmt(n)}, concurrency ${LEVELS.join(', ')} for each strategy, ${runs} interleaved run${runs > 1 ? 's' : ''} per level; each cell: median wall, speedup over the strategy's own ×1 run, and concur's own speedup over the sequential baseline. The parallel fraction f is fitted by least squares to Amdahl's law, S(p) = 1 / ((1 − f) + f / p), with p = min(units, cores, items), on the levels with no more units than cores (${fittedLevels} here): beyond them the units share the same cores and the table shows what oversubscription costs. f is fitted on the speedups over the strategy's own ×1 run, the program Amdahl's law speaks of. The prediction is S over ×1 for a machine with more cores, at concurrency = cores (at most the items).`,
  );
  const baseline = report.summary.find((s) => s.strategy === 'baseline');
  const rows = [];
  const fits = {};
  for (const name of STRATEGY_NAMES) {
    const points = LEVELS.map((level) => {
      const s = report.summary.find((r) => r.strategy === name && r.concurrency === level);
      return {
        level,
        p: Math.min(level, cores, items),
        speedup: s?.speedup?.value ?? Number.NaN,
        wall: s?.wall.median,
      };
    });
    // Amdahl's law is about one program on 1 and on p cores: the fit uses the strategy's own ×1 wall as
    // the reference, so the unit boundary's fixed cost is part of the program, not a loss of parallelism.
    for (const pt of points) pt.self = points[0].wall / pt.wall;
    // Only levels with no more units than cores: beyond them the extra units share the same cores and
    // measure what oversubscription costs (more start-ups, more switching), not the parallel fraction.
    // async runs on one thread whatever its slots: one core at most, which the fit should find (f ≈ 0).
    // The fit is core's own (report.scaling, the same least squares on the runs' speedups); a checkout
    // older than it is fitted here on the medians.
    const fromCore = report.scaling?.find((fit) => fit.strategy === name)?.fraction;
    const f =
      fromCore ??
      fitAmdahl(
        points
          .filter((pt) => pt.p > 1 && pt.level <= cores && Number.isFinite(pt.self))
          .map((pt) => ({ p: pt.p, speedup: pt.self })),
      );
    fits[name] = f;
    rows.push([
      name,
      ...points.map((pt) => `${ms(pt.wall)}: ${fmt(pt.self, 2)}× / ${fmt(pt.speedup, 2)}×`),
      fmt(f, 3),
      ...PREDICT_FOR.map((c) => `${fmt(amdahl(f, Math.min(c, items)), 2)}×`),
    ]);
  }
  section.table(
    [
      'strategy',
      ...LEVELS.map((l) => `×${l}`),
      'fitted f',
      ...PREDICT_FOR.map((c) => `predicted, ${c} cores`),
    ],
    rows,
  );
  section.note(`Baseline (one at a time, in process): ${ms(baseline?.wall.median)} median.`);
  // The yardstick is this machine's own, on the same items: two bare loops side by side do not run twice
  // as fast as one on a shared machine, so a perfect program's f here is what the bare fork script reaches.
  const units = Math.min(cores, items);
  const ceiling = await machineCeiling(runs, { items, n, units });
  const machineF = fitAmdahl([{ p: units, speedup: ceiling }]);
  section.note(
    `The machine's own f: the hand-written fork script ran the same ${items} items ${fmt(ceiling, 2)}× faster with ${units} children than with one (medians of ${runs} interleaved runs), f = ${fmt(machineF, 3)}.`,
  );
  for (const name of ['process', 'thread'])
    section.check(
      fits[name] >= 0.95 * machineF,
      `${name} parallel fraction f = ${fmt(fits[name], 3)} ≥ 0.95 × the machine's ${fmt(machineF, 3)} (the loop has no serial part but start-up)`,
    );
  section.check(fits.async <= 0.1, `async parallel fraction f = ${fmt(fits.async, 3)} ≤ 0.10 (one thread)`);
  return section;
}
