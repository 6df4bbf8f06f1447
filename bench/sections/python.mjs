// The article's own models in CPython, beside Node's: its CPU experiment (the summing loop, 4 items) at the
// article's n = 10**7 and at a larger n, each strategy's speedup against a sequential run in its own runtime;
// fidelity against the article's hand-written multiprocessing and threading scripts on the same work; its
// I/O experiment and 1,000 GETs at once; and the article's comparison table, each row beside what was
// measured. Needs python3; where none is found, the section says so and measures nothing.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { machineCeiling } from '../lib/ceiling.mjs';
import { current, paramsOf, race } from '../lib/concur.mjs';
import { interleaved } from '../lib/interleave.mjs';
import { median, perRound, summarizeRounds } from '../lib/stats.mjs';
import { fmt, ms, range, ratio, Section } from '../lib/table.mjs';

const PY = ['python-process', 'python-thread', 'python-asyncio'];
const NODE = ['thread', 'process'];

/** A hand-written Python script of the bench (tasks/*.py); resolves with the JSON of its last line. */
function runPython(file, args) {
  const path = fileURLToPath(new URL(`../tasks/${file}`, import.meta.url));
  return new Promise((resolve, reject) =>
    execFile('python3', [path, ...args.map(String)], (error, stdout, stderr) => {
      if (error) reject(new Error(`${file} failed: ${stderr.trim() || error.message}`));
      else resolve(JSON.parse(stdout.trim().split('\n').at(-1)));
    }),
  );
}

export async function python(ctx) {
  const section = new Section("The article's own models in CPython, beside Node's", 'python');
  const strategy = current.strategies['python-thread']?.strategy;
  const missing = strategy ? await strategy.unavailable?.({}) : 'the python-* strategies are not built';
  if (missing) {
    section.note(`No Python to measure (${missing}): nothing measured.`);
    return section;
  }
  const interpreter = strategy.traits.parallel ? 'free-threaded' : 'with the GIL';
  section.note(
    `CPython found on PATH, ${interpreter}. Every figure is a median of interleaved rounds (a round runs every contender once, in turn); speedups are against a sequential run **in the same runtime** in the same round — Node's loop in the engine for thread and process, one Python process running the items one at a time for the python-* rows — so that they measure concurrency, not the cost of the runtime (which has its own column).`,
  );
  const cpu = await cpuExperiment(ctx, section);
  await fidelity(ctx, section);
  const io = await ioExperiment(ctx, section);
  comparisonTable(section, cpu, io);
  return section;
}

async function cpuExperiment(ctx, section) {
  const { articleCpu } = current.workloads;
  const rounds = ctx.rounds.python;
  const items = 4;
  const sizes = ctx.quick ? [1_000_000] : [10_000_000, 40_000_000];
  const ceiling = await machineCeiling(rounds, { items, n: ctx.article.n, units: 2 });
  const results = [];
  for (const n of sizes) {
    const params = paramsOf(articleCpu, { items, n });
    const walls = {};
    const cpuShare = {};
    const note = (record, baselineOf) => {
      const name = record.strategy === 'baseline' ? baselineOf : record.strategy;
      walls[name] = [...(walls[name] ?? []), record.wallMs];
      cpuShare[name] = [...(cpuShare[name] ?? []), (record.cpu.userMs + record.cpu.systemMs) / record.wallMs];
    };
    await interleaved(rounds, {
      node: async () => {
        const { records } = await race({ workload: articleCpu, params, strategies: NODE, baseline: true });
        for (const record of records) note(record, 'sequential (Node)');
      },
      python: async () => {
        const { records } = await race({ workload: articleCpu, params, strategies: PY, baseline: true });
        for (const record of records) note(record, 'sequential (Python)');
      },
    });
    const rows = [];
    const speedups = {};
    for (const [name, baseline] of [
      ['sequential (Node)', 'sequential (Node)'],
      ...NODE.map((s) => [s, 'sequential (Node)']),
      ['sequential (Python)', 'sequential (Python)'],
      ...PY.map((s) => [s, 'sequential (Python)']),
    ]) {
      const speedup = summarizeRounds(perRound(walls[baseline], walls[name]));
      speedups[name] = speedup;
      const perIteration = name.startsWith('sequential')
        ? `${fmt((median(walls[name]) * 1e6) / (items * n), 1)} ns`
        : '';
      rows.push([
        name,
        ms(median(walls[name])),
        `${ratio(speedup.median)} (${range(speedup)})`,
        `${fmt(100 * median(cpuShare[name]))} %`,
        perIteration,
      ]);
    }
    section.note(
      `**CPU experiment, n = ${fmt(n)}** (${items} items of \`count += i\` for i below n; ${rounds} rounds). This machine's ceiling for 2 units: ${ratio(ceiling)} (the hand-written fork script with two children against one, on the Node loop).`,
    );
    section.table(['strategy', 'wall (median)', 'speedup (rounds)', 'CPU / wall', 'per iteration'], rows);
    const gil = !current.strategies['python-thread'].strategy.traits.parallel;
    if (gil)
      section.check(
        speedups['python-thread'].median <= 1.15,
        `n = ${fmt(n)}: python-thread ${ratio(speedups['python-thread'].median)} its sequential run, near 1× (the GIL: bar ≤ 1.15×)`,
      );
    section.check(
      speedups['python-process'].median >= 0.8 * ceiling,
      `n = ${fmt(n)}: python-process ${ratio(speedups['python-process'].median)}, against this machine's ceiling ${ratio(ceiling)} (bar ≥ 0.8 × ceiling)`,
    );
    section.check(
      speedups['python-asyncio'].median >= 0.85 && speedups['python-asyncio'].median <= 1.15,
      `n = ${fmt(n)}: python-asyncio ${ratio(speedups['python-asyncio'].median)}, near 1× (one thread: bar 0.85…1.15×)`,
    );
    results.push({ n, speedups, walls, ceiling });
  }
  return results;
}

async function fidelity(ctx, section) {
  const { articleCpu } = current.workloads;
  const rounds = ctx.rounds.pythonFidelity;
  const items = 4;
  const n = ctx.quick ? 1_000_000 : 10_000_000;
  const params = paramsOf(articleCpu, { items, n });
  // One unit per item, as the article's scripts start one Process or Thread per item.
  const viaConcur = (name) => async () => {
    const { records } = await race({
      workload: articleCpu,
      params,
      strategies: [name],
      concurrency: [items],
    });
    return records[0].wallMs;
  };
  const figures = await interleaved(
    rounds,
    {
      'python-process': viaConcur('python-process'),
      multiprocessing: async () => (await runPython('article_multiprocessing.py', [items, n])).wallMs,
      'python-thread': viaConcur('python-thread'),
      threading: async () => (await runPython('article_threading.py', [items, n])).wallMs,
    },
    { rotate: true },
  );
  const rows = [];
  for (const [mine, theirs] of [
    ['python-process', 'multiprocessing'],
    ['python-thread', 'threading'],
  ]) {
    const against = summarizeRounds(perRound(figures[mine], figures[theirs]));
    rows.push([
      mine,
      ms(median(figures[mine])),
      theirs,
      ms(median(figures[theirs])),
      `${ratio(against.median)} (${range(against)})`,
    ]);
    section.ratioCheck(
      `fidelity: ${mine} ${ratio(against.median)} the article's own ${theirs} script on the same work (bar ≤ 1.05×)`,
      against,
      { highest: 1.05 },
    );
  }
  section.note(
    `**Fidelity**: the article's CPU experiment (${items} items, n = ${fmt(n)}), one unit per item as the article starts a Process or a Thread per item, against the article's own scripts (\`bench/tasks/article_multiprocessing.py\`, \`article_threading.py\`: its code, with the inputs from the command line and the time printed as JSON); ${rounds} rounds, order rotated each round, medians. concur's wall time runs from the first unit's start to the last result, as the article's runs from the first \`Process\` created to the last joined.`,
  );
  section.table(['via concur', 'wall', 'hand-written', 'wall', 'concur / hand (rounds)'], rows);
}

async function ioExperiment(ctx, section) {
  const { articleIo, httpGet } = current.workloads;
  const runs = ctx.rounds.python;
  const strategies = ['async', 'python-thread', 'python-asyncio'];
  const article = await race({
    workload: articleIo,
    params: paramsOf(articleIo),
    strategies,
    concurrency: [5],
    runs,
    report: true,
  });
  const many = ctx.quick ? 100 : 1_000;
  const wide = await race({
    workload: httpGet,
    params: paramsOf(httpGet, { items: many, latencyMs: 100 }),
    strategies,
    concurrency: [many],
    runs,
    report: true,
    timeoutMs: 60_000,
  });
  const rows = [];
  for (const [label, result] of [
    [`article-io (5 GETs, 100 ms latency, 5 units)`, article],
    [`${fmt(many)} GETs at once (100 ms latency, ${fmt(many)} units)`, wide],
  ])
    for (const s of result.report.summary)
      rows.push([
        label,
        s.strategy,
        ms(s.wall.median),
        ms(s.startupMs),
        `${fmt(s.throughput?.itemsPerSecond ?? (result.comparison.items / s.wall.median) * 1000)} /s`,
        s.peakRssBytes ? `${fmt(s.peakRssBytes / 1024 / 1024, 1)} MiB` : '',
      ]);
  section.note(
    `**I/O**: GETs to concur's loopback server (its own process), ${runs} runs each, interleaved; the article's experiment, then ${fmt(many)} requests all in flight at once — a thread or a coroutine each. Wall time includes starting the units (the start-up column), which is what 1,000 threads cost.`,
  );
  section.table(['workload', 'strategy', 'wall (median)', 'start-up', 'throughput', 'peak memory'], rows);
  const wall = (result, name) => result.report.summary.find((s) => s.strategy === name)?.wall.median;
  return {
    articleThread: wall(article, 'python-thread'),
    articleAsyncio: wall(article, 'python-asyncio'),
    wideThread: wall(wide, 'python-thread'),
    wideAsyncio: wall(wide, 'python-asyncio'),
    wideAsync: wall(wide, 'async'),
    many,
  };
}

/** What a speedup's rounds can tell: a gain, none, or nothing at this noise. */
function gainWords(speedup) {
  if (speedup.low > 1.15) return 'a gain';
  if (speedup.high < 1.15) return 'no gain';
  return "not resolved at this machine's noise";
}

function comparisonTable(section, cpu, io) {
  const big = cpu.at(-1);
  if (!big) return;
  const s = big.speedups;
  const shown = (name) => `${name} ${ratio(s[name].median)} (${range(s[name])}): ${gainWords(s[name])}`;
  const cpuBound = PY.reduce((a, b) => (s[a].median >= s[b].median ? a : b));
  const resolved = PY.every((other) => other === cpuBound || s[other].high < s[cpuBound].low);
  const fastestIo = (entries) => entries.reduce((a, b) => (a[1] <= b[1] ? a : b))[0];
  section.note(
    `**The article's comparison table, regenerated** (CPU rows from n = ${fmt(big.n)}; speedups against the same runtime's sequential run, with their rounds' range; this machine's own ceiling for 2 units was ${ratio(big.ceiling)}):`,
  );
  section.table(
    ['row', 'the article says', 'measured here'],
    [
      [
        'Parallelism / concurrency',
        'multiprocessing: parallelism; threading and asyncio: concurrency',
        PY.map(shown).join('; '),
      ],
      [
        'GIL impact',
        'multiprocessing bypasses it; threading is restricted by it',
        `${shown('python-thread')}; beside it Node's ${shown('thread')}`,
      ],
      [
        'Use case: CPU-bound',
        'multiprocessing',
        `highest median speedup: ${cpuBound}${resolved ? '' : ' (its range overlaps the others: not resolved)'}`,
      ],
      [
        'Use case: I/O-bound',
        'multithreading',
        `5 GETs of 100 ms: python-thread ${ms(io.articleThread)}, python-asyncio ${ms(io.articleAsyncio)}`,
      ],
      [
        'Use case: highly concurrent I/O',
        'asyncio',
        `${fmt(io.many)} GETs at once: python-asyncio ${ms(io.wideAsyncio)}, python-thread ${ms(io.wideThread)}, Node async ${ms(io.wideAsync)}; fastest ${fastestIo(
          [
            ['python-asyncio', io.wideAsyncio],
            ['python-thread', io.wideThread],
            ['Node async', io.wideAsync],
          ],
        )}`,
      ],
    ],
    ['l', 'l', 'l'],
  );
}
