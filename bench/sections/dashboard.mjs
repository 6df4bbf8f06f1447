// The live dashboard's cost to the run it shows: the same `concur run cpu-sum` with plain output and with
// the Ink dashboard in a pseudo-terminal, interleaved; and what one frame costs the dashboard process.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn as spawnPty } from '@lydell/node-pty';
import { interleaved } from '../lib/interleave.mjs';
import { probe } from '../lib/script.mjs';
import { median } from '../lib/stats.mjs';
import { fmt, ms, ratio, Section } from '../lib/table.mjs';

/** The `concur` command as the build makes it: @concur/tui's dist/bin.js, beside its main entry. */
const BIN = join(createRequire(import.meta.url).resolve('@concur/tui'), '..', 'bin.js');
/** The built-in strategies: the parallel two fill every core, where drawing costs the run the most. */
const RACED = ['process', 'thread', 'async'];
/** The bar: the dashboard adds at most 3% to the run's wall time. */
const BAR = 1.03;

export async function dashboard(ctx) {
  const section = new Section('The dashboard', 'dashboard');
  if (process.platform !== 'linux') {
    section.note('Skipped: the pseudo-terminal measurement reads /proc, Linux only.');
    return section;
  }
  // concur's default: three runs per strategy, of which the report gives the median.
  const runs = ctx.quick ? 1 : 3;
  const args = cliArgs(ctx, runs);
  const totals = (report) => ({
    ...Object.fromEntries(RACED.map((name) => [name, strategyWall(report, name)])),
    everyRun: report.runs.filter((r) => !r.warmup).reduce((sum, r) => sum + r.wallMs, 0),
  });
  const figures = await interleaved(ctx.rounds.dashboard, {
    plain: async () => totals(await plainRun(args)),
    dashboard: async () => {
      const { report, ...measured } = await dashboardRun(args);
      return { ...totals(report), ...measured };
    },
  });
  section.note(
    `\`concur ${args.join(' ').replace('--json', '').trim()}\`, once with \`--json -\` and plain output, once with the Ink dashboard in a pseudo-terminal (120×40, quit with q once the report is written), ${ctx.rounds.dashboard} interleaved rounds; each cell is the median over rounds of what the report says of a strategy: the median wall time of its ${runs} run${runs > 1 ? 's' : ''}. The engine runs in processes of its own either way, so the dashboard's cost is what its drawing takes from the cores the run needs.`,
  );
  const rows = RACED.map((name) => {
    const plain = median(figures.plain.map((f) => f[name]));
    const live = median(figures.dashboard.map((f) => f[name]));
    return [name, ms(plain), ms(live), ratio(live / plain)];
  });
  const sumOf = (f) => RACED.reduce((sum, name) => sum + f[name], 0);
  const totalPlain = median(figures.plain.map(sumOf));
  const totalLive = median(figures.dashboard.map(sumOf));
  rows.push(['all three', ms(totalPlain), ms(totalLive), ratio(totalLive / totalPlain)]);
  section.table(['strategy', 'wall, plain output', 'wall, dashboard', 'dashboard / plain'], rows);
  // Each round's two runs ran back to back: their ratio is the least exposed to the machine's drift.
  const paired = figures.dashboard.map((d, round) => sumOf(d) / sumOf(figures.plain[round]));
  const pairedMedian = median(paired);
  const everyRun = median(figures.dashboard.map((d, round) => d.everyRun / figures.plain[round].everyRun));
  section.note(
    `Round by round (the dashboard's run over the plain run just before it): ${paired.map((r) => fmt(r, 3)).join(', ')}; median ${fmt(pairedMedian, 3)}. The spread between rounds is this machine's noise, which a cost of a few percent sits inside. Every run's wall added up instead of the medians: ${fmt(everyRun, 3)} (median of rounds).`,
  );

  const during = median(figures.dashboard.map((d) => d.cpuDuringRun / d.wallDuringRun));
  const startup = median(figures.dashboard.map((d) => d.cpuBeforeRun));
  const frame = await probe('frame-cost', { units: 2, frames: ctx.quick ? 50 : 300 });
  section.note(
    `The dashboard process (every thread) used ${fmt(during * 100, 1)}% of one core while the runs went on, and ${ms(startup)} of CPU before the first run started (loading ink and React, discovering plugins, and drawing the live screen off screen until V8 has compiled it, so that this is not paid during a run). One live frame, drawn alone with the JIT warm (\`bench/probes/frame-cost.mjs\`, ${frame.units} unit rows, ${frame.frames} frames): ${ms(frame.cpuMsPerFrame)} of CPU (${fmt(frame.cpuMsPerFrame, 1)}% of one core at 10 frames/s), ${fmt(frame.bytesPerFrame)} bytes.`,
  );
  section.check(
    pairedMedian <= BAR,
    `dashboard cost: wall with the dashboard / without, median of paired rounds ${fmt(pairedMedian, 3)} ≤ ${BAR}`,
  );
  return section;
}

function cliArgs(ctx, runs) {
  const { items, n } = ctx.article;
  return [
    'run',
    'cpu-sum',
    '-p',
    `items=${items}`,
    '-p',
    `n=${n}`,
    '--strategies',
    RACED.join(','),
    '--runs',
    String(runs),
    '--no-baseline',
    '--json',
  ];
}

/** The figure the report gives a user for a strategy: the median wall time of its runs. */
function strategyWall(report, name) {
  return report.summary.find((s) => s.strategy === name)?.wall.median ?? Number.NaN;
}

/** `concur run … --json -` with plain output, as in CI: the report from stdout. */
function plainRun(args) {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [BIN, ...args, '-'],
      { env: { ...process.env, CI: '1' }, maxBuffer: 64 << 20 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`concur run (plain) failed: ${stderr || error.message}`));
        else resolve(JSON.parse(stdout));
      },
    );
  });
}

/** CPU time of a process so far (every thread), from /proc (Linux), in ms. */
function cpuMsOf(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, in ticks of 1/100 s
}

/**
 * The same run with the dashboard in a pseudo-terminal; quits with q once the report is written. The
 * dashboard's CPU is read when the first live panel appears and when the report is written.
 */
async function dashboardRun(args) {
  const dir = mkdtempSync(join(tmpdir(), 'concur-bench-'));
  const json = join(dir, 'report.json');
  const env = { ...process.env, TERM: 'xterm-256color' };
  delete env.CI; // with CI set, concur prints plain lines instead of the dashboard
  const started = performance.now();
  const term = spawnPty(process.execPath, [BIN, ...args, json], {
    name: 'xterm-256color',
    cols: 120,
    rows: 40,
    env,
  });
  let screen = '';
  let first;
  term.onData((data) => {
    if (first) return;
    screen += data;
    if (screen.includes('▶ ')) first = { at: performance.now(), cpu: cpuMsOf(term.pid) };
  });
  let exit;
  term.onExit((event) => {
    exit = event.exitCode;
  });
  try {
    const deadline = Date.now() + 300_000;
    while (!existsSync(json) && exit === undefined && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));
    if (!existsSync(json) || !first)
      throw new Error(`the dashboard wrote no report (exit ${exit}); is @concur/tui built?`);
    const end = { at: performance.now(), cpu: cpuMsOf(term.pid) };
    term.write('q');
    while (exit === undefined) await new Promise((r) => setTimeout(r, 50));
    return {
      report: JSON.parse(readFileSync(json, 'utf8')),
      cpuBeforeRun: first.cpu,
      cpuDuringRun: end.cpu - first.cpu,
      wallDuringRun: end.at - first.at,
      startedAfterMs: first.at - started,
    };
  } finally {
    if (exit === undefined) term.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
}
