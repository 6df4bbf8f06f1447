// concur's own benchmark: fidelity against hand-written code, the article reproduced, concur's overheads
// and scaling — side by side, in one run, on one machine — written to BENCHMARKS.md.
//
//   npm run bench                       # builds, then every section (a few minutes on 2 cores)
//   node bench/run.mjs --quick          # a smoke pass in seconds: tiny sizes, one round, no BENCHMARKS.md
//   node bench/run.mjs --only fidelity  # one section (or several, comma-separated); no BENCHMARKS.md
import { readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { article } from './article.mjs';
import { dashboard } from './dashboard.mjs';
import { fidelity } from './fidelity.mjs';
import { sum } from './hand/work.mjs';
import { describeMachine, formatLoad, wasShared } from './lib/machine.mjs';
import { fmt, ms } from './lib/table.mjs';
import { overheads } from './overheads.mjs';
import { scaling } from './scaling.mjs';

const SECTIONS = { fidelity, article, overheads, dashboard, scaling };

const { values } = parseArgs({
  options: { quick: { type: 'boolean', default: false }, only: { type: 'string' }, out: { type: 'string' } },
});
const only = values.only ? values.only.split(',').map((s) => s.trim()) : Object.keys(SECTIONS);
for (const name of only)
  if (!SECTIONS[name]) {
    console.error(`--only: no section "${name}"; sections are ${Object.keys(SECTIONS).join(', ')}`);
    process.exit(2);
  }
const quick = values.quick;

/** n for the summing loop such that one item takes about `targetMs` on this machine right now. */
function calibrate(targetMs) {
  const probe = 20_000_000;
  sum(probe); // let the JIT compile it first
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 3; i += 1) {
    const start = performance.now();
    sum(probe);
    best = Math.min(best, performance.now() - start);
  }
  return { n: Math.round((probe * targetMs) / best), perMs: probe / best };
}

const machine = describeMachine();
const itemMs = quick ? 30 : 500;
const { n } = calibrate(itemMs);
const ctx = {
  quick,
  machine,
  itemMs,
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
  rounds: quick
    ? { fidelity: 1, article: 1, c10k: 1, dispatch: 1, dashboard: 1, startup: 1, memory: 1, scaling: 1 }
    : { fidelity: 6, article: 3, c10k: 2, dispatch: 3, dashboard: 4, startup: 5, memory: 1, scaling: 2 },
};

console.log(`# concur benchmarks${quick ? ' (quick smoke pass: sizes too small to mean anything)' : ''}`);
console.log(
  `${machine.cores} cores (${machine.model}), Node ${machine.node}, ${machine.os}; load average at start ${formatLoad(machine.load)}`,
);
console.log(`The article's item: n = ${fmt(n)}, about ${ms(itemMs)} here.`);

const started = performance.now();
const sections = [];
for (const name of only) sections.push(await SECTIONS[name](ctx));
const minutes = (performance.now() - started) / 60_000;
const loadAtEnd = describeMachine().load;

const verdicts = sections.flatMap((s) => s.verdicts);
const passed = verdicts.filter((v) => v.pass).length;
console.log(`\n${passed} of ${verdicts.length} checks passed; the bench took ${fmt(minutes, 1)} min.`);

// Only a whole, full run is worth writing down.
if (!quick && !values.only) {
  const out = values.out ?? new URL('../BENCHMARKS.md', import.meta.url);
  writeFileSync(out, markdown({ machine, loadAtEnd, minutes, sections, passed, total: verdicts.length, n }));
  console.log(`Written to ${out instanceof URL ? 'BENCHMARKS.md' : out}.`);
}

function markdown({ machine, loadAtEnd, minutes, sections, passed, total, n }) {
  const shared = wasShared(machine.load, machine.cores) || wasShared(loadAtEnd, machine.cores);
  const summary = sections.flatMap((s) => s.verdicts.map((v) => v.line));
  return `# concur — benchmarks

What a measuring tool costs, and whether its numbers agree with hand-written code. Every figure below comes
from one run of

\`\`\`sh
npm run bench
\`\`\`

on one machine: **${machine.cores} cores (${machine.model}), ${machine.memoryGiB} GiB, Node ${machine.node}, ${machine.os}**.
Load average at start ${formatLoad(machine.load)}, at the end ${formatLoad(loadAtEnd)}; the whole run took ${fmt(minutes, 1)} min.
${
  shared
    ? `\n> **The machine was shared.** The load average was above the number of cores: other builds and tests ran at
> the same time, so absolute times are inflated and noisy and a check can fail for want of CPU rather than
> for a fault of concur. Ratios between contenders measured in the same round are what to read; re-run on a
> quiet machine before quoting any figure.\n`
    : ''
}
Contenders are always run side by side and interleaved (A B C A B C …); the tables give medians and ratios,
and no absolute time is asserted anywhere. The article's CPU item is the loop \`count += i\` for i below
n = ${fmt(n)}, calibrated at the start to take about ${ms(itemMs)} here. \`node bench/run.mjs --quick\` is a
smoke pass of the same code in seconds; \`--only SECTION\` runs one of ${Object.keys(SECTIONS).join(', ')}.

## Checks: ${passed} of ${total} passed

\`\`\`
${summary.join('\n')}
\`\`\`

${sections.map((s) => s.markdown()).join('\n')}
## Findings

${readFileSync(new URL('./findings.md', import.meta.url), 'utf8').trim()}

## Per-package benchmarks

Each package measures its own strategy in more depth; their figures were taken on other days:

- [@concur/strategy-process](packages/strategy-process/README.md) — dispatch against tinypool, start-up, CPU share (\`packages/strategy-process/bench\`)
- [@concur/strategy-thread](packages/strategy-thread/BENCHMARKS.md) — dispatch against piscina, start-up, idle memory
- [@concur/strategy-async](packages/strategy-async/BENCHMARKS.md) — dispatch against p-limit, 10,000 in flight, memory per slot
- [@concur/workloads](packages/workloads/bench/workloads.mjs) — the built-in workloads and the loopback server
- [concur-strategy-piscina](examples/strategy-piscina/README.md) — the example plugin beside the thread strategy
`;
}
