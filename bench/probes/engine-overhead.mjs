// Start and stop of one engine process around a one-item run, against an empty Node process, both forked
// the same way: fork to exit, in alternated rounds. Prints one JSON line of medians (ms) and the ratio.
// `execArgv` goes to both children (`["--cpu-prof"]` to see where an engine's start goes).
//   node bench/probes/engine-overhead.mjs '{"rounds":10,"source":{"dir":"."}}'
import { fork } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { taskUrl } from '../lib/script.mjs';

const job = JSON.parse(process.argv[2] ?? '{}');
const dir = job.source?.dir ?? process.cwd();
const rounds = job.rounds ?? 10;
const execArgv = job.execArgv ?? [];
const require = createRequire(join(dir, 'package.json'));
const coreDist = join(require.resolve('@concur/core'), '..');
const entry = join(coreDist, 'orchestrate', 'engine-entry.js');
const strategy = pathToFileURL(require.resolve('@concur/strategy-async')).href;
const emptyChild = new URL('./empty-child.mjs', import.meta.url);

function timed(file, onSpawn) {
  const started = performance.now();
  const child = fork(file, [], {
    execArgv,
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    serialization: 'advanced',
  });
  onSpawn(child);
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', () => resolve(performance.now() - started));
  });
}

const engine = () =>
  timed(entry, (child) => {
    child.on('message', (message) => {
      if (message.kind === 'failed') throw new Error(message.message);
      if (message.kind === 'done') child.disconnect();
    });
    child.send({
      kind: 'start',
      job: {
        strategy,
        task: taskUrl('tiny.mjs'),
        inputs: [1],
        concurrency: 1,
        options: {},
        timeoutMs: 30_000,
        startupTimeoutMs: 30_000,
        run: 1,
        warmup: false,
        snapshotEveryMs: 100,
        maxRows: 64,
      },
    });
  });
// An empty process forked the same way (with an IPC channel), ended as soon as it runs.
const empty = () => timed(emptyChild, () => {});

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const figures = { engine: [], empty: [] };
for (let round = 0; round < rounds; round += 1) {
  figures.engine.push(await engine());
  figures.empty.push(await empty());
}
const engineMs = median(figures.engine);
const emptyMs = median(figures.empty);
console.log(JSON.stringify({ engineMs, emptyMs, ratio: engineMs / emptyMs }));
