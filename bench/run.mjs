// concur's own benchmark: fidelity against hand-written code, the article reproduced, concur's costs and
// scaling — side by side, in one run, on one machine — with a full run written to BENCHMARKS.md.
//
//   npm run bench                                   # builds, then every section; writes BENCHMARKS.md
//   npm run bench -- --quick                        # a smoke pass: tiny sizes, one round, nothing written
//   npm run bench -- --only dispatch,fidelity       # some sections; nothing written
//   npm run bench -- --only dispatch,fidelity --against ../concur-before   # two commits side by side
//   npm run bench -- --help
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { current } from './lib/concur.mjs';
import { loadConcur } from './lib/load.mjs';
import { calibrate, commitOf, describeMachine, formatLoad, wasShared } from './lib/machine.mjs';
import { fmt, ms } from './lib/table.mjs';
import { article } from './sections/article.mjs';
import { dashboard } from './sections/dashboard.mjs';
import { dispatch } from './sections/dispatch.mjs';
import { fidelity } from './sections/fidelity.mjs';
import { memory } from './sections/memory.mjs';
import { python } from './sections/python.mjs';
import { queue } from './sections/queue.mjs';
import { scaling } from './sections/scaling.mjs';
import { startup } from './sections/startup.mjs';
import { timers } from './sections/timers.mjs';
import { workloads } from './sections/workloads.mjs';

/** Every section, in the order a full run takes them; `against` where --against DIR applies. */
const SECTIONS = {
  fidelity: {
    run: fidelity,
    against: true,
    about: 'concur against hand-written fork / Worker / Promise.all scripts on the same work',
  },
  article: { run: article, about: "the article's CPU-bound speedups and c10k, as concur reports them" },
  dispatch: {
    run: dispatch,
    against: true,
    about: 'per-item cost at 1 and at many in flight, against the units alone and the peer library',
  },
  startup: {
    run: startup,
    about: 'what compare adds around a run; unit start-up against a hand-written spawn',
  },
  memory: { run: memory, about: 'peak RSS per unit; an idle thread unit against a hand-written Worker' },
  timers: { run: timers, about: 'timer waits all in flight on async slots, against p-limit and Promise.all' },
  workloads: { run: workloads, about: 'article-io, both hash workloads, c10k at two slot counts' },
  dashboard: { run: dashboard, about: "the live dashboard's cost to the run it shows; one frame's CPU" },
  scaling: { run: scaling, about: "a concurrency sweep 1, 2, 4, 8 and Amdahl's parallel fraction" },
  queue: {
    run: queue,
    about: 'the queue strategy: per-item cost against process units and a hand-written BullMQ script',
  },
  python: {
    run: python,
    about: "the article's own models in CPython beside Node's: its CPU and I/O experiments, fidelity",
  },
};
/** The block of BENCHMARKS.md a full run replaces. */
const BEGIN = '<!-- full-run:begin (written by `npm run bench`; edit bench/run.mjs, not this block) -->';
const END = '<!-- full-run:end -->';

const AGAINST = ['dispatch', 'fidelity'].filter((name) => SECTIONS[name].against);

const HELP = `Usage: npm run bench -- [options]        (or: node bench/run.mjs [options], once built)

  --only SECTION[,SECTION]  run these sections only (nothing is written to BENCHMARKS.md)
  --quick                   a smoke pass: tiny sizes, one round each, nothing written
  --rounds N                N interleaved rounds in every section instead of its own count
  --against DIR             also measure DIR, another checkout of concur (npm ci-ed and built), in the
                            same rounds: the ${AGAINST.join(' and ')} rows print this tree, DIR and the
                            ratio this / DIR with its range (default sections: ${AGAINST.join(',')})
  --out FILE                write a full run's results to FILE instead of into BENCHMARKS.md
  --help                    this text

Sections (a full run takes them in this order):
${Object.entries(SECTIONS)
  .map(([name, s]) => `  ${name.padEnd(10)} ${s.about}${s.against ? ' [--against]' : ''}`)
  .join('\n')}

Comparing two commits:
  git worktree add ../concur-before <commit> && (cd ../concur-before && npm ci && npm run build)
  npm run bench -- --only ${AGAINST.join(',')} --against ../concur-before`;

let values;
try {
  ({ values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      only: { type: 'string' },
      rounds: { type: 'string' },
      against: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  }));
} catch (error) {
  fail(`${error.message}; see --help`);
}
if (values.help) {
  console.log(HELP);
  process.exit(0);
}
function fail(message) {
  console.error(`bench: ${message}`);
  process.exit(2);
}

const only = values.only
  ? values.only.split(',').map((s) => s.trim())
  : values.against
    ? AGAINST
    : Object.keys(SECTIONS);
for (const name of only)
  if (!SECTIONS[name]) fail(`--only: no section "${name}"; sections are ${Object.keys(SECTIONS).join(', ')}`);
const forcedRounds = values.rounds === undefined ? undefined : Number(values.rounds);
if (forcedRounds !== undefined && !(Number.isInteger(forcedRounds) && forcedRounds > 0))
  fail(`--rounds: a positive whole number, got "${values.rounds}"`);
const quick = values.quick;

let against;
if (values.against) {
  const dir = resolve(values.against);
  try {
    against = await loadConcur(dir, { label: basename(dir) });
  } catch (error) {
    fail(`--against: ${error.message}`);
  }
  against.commit = commitOf(dir);
}
current.commit = commitOf(current.dir);

const machine = describeMachine();
const itemMs = quick ? 30 : 500;
const { n } = calibrate(itemMs);
const defaultRounds = quick
  ? {
      fidelity: 1,
      article: 1,
      c10k: 1,
      dispatch: 1,
      startup: 1,
      memory: 1,
      timers: 1,
      workloads: 1,
      queue: 1,
      python: 1,
      pythonFidelity: 1,
    }
  : {
      fidelity: 6,
      article: 3,
      c10k: 2,
      dispatch: 3,
      startup: 5,
      memory: 1,
      timers: 3,
      workloads: 3,
      queue: 3,
      python: 3,
      pythonFidelity: 5,
    };
Object.assign(defaultRounds, quick ? { dashboard: 1, scaling: 1 } : { dashboard: 4, scaling: 2 });
const ctx = {
  quick,
  machine,
  itemMs,
  concur: current,
  against,
  article: { items: 4, n },
  // The speedup check's items are three times longer. The article's Python processes start in a few ms
  // against about half a second of work; a Node process takes about 100 ms to start here, which against
  // 500 ms items alone would hold processes below 0.95 × 2 on perfect cores. At ~1.5 s start-up is again a
  // few per cent of the work, as in the article.
  speedup: { items: 4, n: 3 * n, itemMs: 3 * itemMs },
  // Scaling: 8 items so that 8 units have one each; half the article's item, so a sweep stays short.
  scaling: { items: 8, n: Math.round(n / 2) },
  // 10 waves of 1,000 requests: long enough that start-up is not the whole story.
  http: { items: quick ? 1_000 : 10_000, inFlight: 1_000 },
  c10k: { items: quick ? 1_000 : 10_000 },
  rounds: forcedRounds
    ? Object.fromEntries(Object.keys(defaultRounds).map((k) => [k, forcedRounds]))
    : defaultRounds,
};

console.log(`# concur benchmarks${quick ? ' (quick smoke pass: sizes too small to mean anything)' : ''}`);
console.log(
  `${machine.cores} cores (${machine.model}), Node ${machine.node}, ${machine.os}; load average at start ${formatLoad(machine.load)}`,
);
console.log(`This tree: ${current.dir}${current.commit ? ` at ${current.commit}` : ''}.`);
if (against) {
  console.log(`Against: ${against.dir}${against.commit ? ` at ${against.commit}` : ''}.`);
  const alone = only.filter((name) => !SECTIONS[name].against);
  if (alone.length)
    console.log(
      `(--against applies to ${AGAINST.join(' and ')}; ${alone.join(', ')} measure this tree alone.)`,
    );
}
console.log(`The article's item: n = ${fmt(n)}, about ${ms(itemMs)} here.`);

const started = performance.now();
const sections = [];
for (const name of only) {
  const at = performance.now();
  const section = await SECTIONS[name].run({ ...ctx, against: SECTIONS[name].against ? against : undefined });
  section.seconds = (performance.now() - at) / 1000;
  console.log(`(${name} took ${fmt(section.seconds, 1)} s)`);
  sections.push(section);
}
const minutes = (performance.now() - started) / 60_000;
const loadAtEnd = describeMachine().load;

const verdicts = sections.flatMap((s) => s.verdicts);
const passed = verdicts.filter((v) => v.pass).length;
console.log(`\n${passed} of ${verdicts.length} checks passed; the bench took ${fmt(minutes, 1)} min.`);

// Only a whole, full run of this tree alone is worth writing down.
if (!quick && !values.only && !against && forcedRounds === undefined) {
  const text = markdown({ machine, loadAtEnd, minutes, sections, passed, total: verdicts.length, n });
  if (values.out) writeFileSync(values.out, text);
  else writeIntoBenchmarks(text);
  console.log(`Written to ${values.out ?? 'BENCHMARKS.md'}.`);
}

/** BENCHMARKS.md keeps its hand-written parts; a full run replaces the block between the markers. */
function writeIntoBenchmarks(text) {
  const file = new URL('../BENCHMARKS.md', import.meta.url);
  const doc = readFileSync(file, 'utf8');
  const begin = doc.indexOf(BEGIN);
  const end = doc.indexOf(END);
  if (begin < 0 || end < begin) {
    console.error(`BENCHMARKS.md has no ${BEGIN} … ${END} block to replace; not written (use --out FILE).`);
    process.exitCode = 1;
    return;
  }
  writeFileSync(file, `${doc.slice(0, begin)}${text}${doc.slice(end + END.length)}`);
}

function markdown({ machine, loadAtEnd, minutes, sections, passed, total, n }) {
  const shared = wasShared(machine.load, machine.cores) || wasShared(loadAtEnd, machine.cores);
  const summary = sections.flatMap((s) => s.verdicts.map((v) => v.line));
  const date = new Date().toISOString().slice(0, 10);
  return `${BEGIN}
## Latest full run

Taken on ${date}${current.commit ? ` at commit ${current.commit}` : ''} with \`npm run bench\`, on one machine:
**${machine.cores} cores (${machine.model}), ${machine.memoryGiB} GiB, Node ${machine.node}, ${machine.os}**.
Load average at start ${formatLoad(machine.load)}, at the end ${formatLoad(loadAtEnd)}; the whole run took ${fmt(minutes, 1)} min
(${sections.map((s) => `${s.name} ${fmt(s.seconds / 60, 1)}`).join(', ')} min). The article's CPU item is the loop
\`count += i\` for i below n = ${fmt(n)}, calibrated at the start to take about ${ms(itemMs)} here.
${
  shared
    ? `\n> **The machine was shared.** The load average was above the number of cores: other builds and tests ran at
> the same time, so absolute times are inflated and noisy and a check can fail for want of CPU rather than
> for a fault of concur. Ratios between contenders measured in the same round are what to read; re-run on a
> quiet machine before quoting any figure.\n`
    : ''
}
### Checks: ${passed} of ${total} passed

\`\`\`
${summary.join('\n')}
\`\`\`

${sections.map((s) => s.markdown()).join('\n')}${END}`;
}
