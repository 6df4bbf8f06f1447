// Start-up: what `compare` adds around each run (the engine's process, imports, closing, the record sent
// back) against an empty Node process, and each unit's own start-up against a hand-written spawn.
import { execFile, fork } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { oneRun, STRATEGY_NAMES } from '../lib/concur.mjs';
import { interleaved } from '../lib/interleave.mjs';
import { taskFile } from '../lib/script.mjs';
import { median } from '../lib/stats.mjs';
import { ms, ratio, Section } from '../lib/table.mjs';
import { tinyWorkload } from '../lib/tiny-workload.mjs';

function bareNodeMs() {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    execFile(process.execPath, ['-e', '0'], (error) =>
      error ? reject(error) : resolve(performance.now() - start),
    );
  });
}

/** Spawn to first answer, by hand: `fork()` or `new Worker()` of a file that echoes. */
async function handSpawnMs(kind) {
  const file = taskFile('hand-child.mjs');
  const start = performance.now();
  const unit = kind === 'process' ? fork(file) : new Worker(file);
  await new Promise((resolve) => {
    unit.once('message', resolve);
    if (kind === 'process') unit.send(1);
    else unit.postMessage(1);
  });
  const elapsed = performance.now() - start;
  if (kind === 'process') unit.disconnect();
  else await unit.terminate();
  return elapsed;
}

export async function startup(ctx) {
  const section = new Section('Start-up', 'startup');
  const workload = tinyWorkload();
  const contenders = { 'bare node -e 0': bareNodeMs };
  for (const name of STRATEGY_NAMES)
    contenders[`concur ${name}`] = async () => {
      const start = performance.now();
      const record = await oneRun({ workload, params: { items: 1 }, strategies: [name], concurrency: [1] });
      return {
        outside: performance.now() - start - record.wallMs,
        unit: record.startupMs,
        wall: record.wallMs,
      };
    };
  contenders['hand fork()'] = () => handSpawnMs('process');
  contenders['hand new Worker()'] = () => handSpawnMs('thread');
  const figures = await interleaved(ctx.rounds.startup, contenders);
  const bare = median(figures['bare node -e 0']);
  const hand = { process: median(figures['hand fork()']), thread: median(figures['hand new Worker()']) };
  section.note(
    `One item that costs nothing, one unit, through \`compare\` (a fresh engine process per run), ${ctx.rounds.startup} interleaved rounds, medians. "Outside the run" is everything \`compare\` adds around the run's own wall time: forking the engine process, importing core and the strategy, closing the unit, sending the record back. It is set against starting and ending an empty Node process. "Unit start-up" is concur's record.startupMs (spawn until the unit is ready, the task imported), against a hand-written spawn answering its first message.`,
  );
  const rows = STRATEGY_NAMES.map((name) => {
    const outside = median(figures[`concur ${name}`].map((f) => f.outside));
    const unit = median(figures[`concur ${name}`].map((f) => f.unit));
    return [
      name,
      ms(outside),
      ratio(outside / bare),
      ms(unit),
      hand[name] !== undefined ? `${ms(hand[name])} (${ratio(unit / hand[name])})` : '— (no spawn)',
    ];
  });
  section.table(
    [
      'strategy',
      'outside the run',
      '/ bare `node -e 0`',
      'unit start-up',
      'hand-written spawn (concur / hand)',
    ],
    rows,
  );
  section.note(`An empty Node process (\`node -e 0\`) took ${ms(bare)} to start and end here.`);
  return section;
}
