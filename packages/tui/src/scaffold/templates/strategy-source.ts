/**
 * The source of a scaffolded strategy: `src/index.ts` (the plugin: meta, traits, spawn), `src/unit.ts` (the
 * main side of a unit: a worker thread reached over a channel, on core's unit kit) and `src/unit-entry.ts`
 * (the worker's side: the kit's `serveUnit`). A unit in another execution context is the shape most
 * plugins take, so that is where an author starts. The generated code uses no template literals, so that
 * these templates stay plain to read.
 */
import type { StrategyNames } from '../strategy-name.js';

export function indexSource(names: StrategyNames, apiVersion: number): string {
  return `/**
 * ${names.packageName}: a concur strategy plugin.
 *
 * A strategy only executes: concur's engine schedules, times, retries and aggregates, identically for every
 * strategy. This one starts as a worker thread per unit (./unit.ts); make the units yours there.
 */
import { defineStrategy } from '@concur/core';
import { spawnUnit } from './unit.js';

export default defineStrategy({
  // apiVersion: the contract version this plugin was written against. Keep it a literal: a concur that
  // speaks another version then refuses the plugin with a clear reason instead of misusing it.
  meta: { name: '${names.strategy}', version: '0.1.0', apiVersion: ${apiVersion} },
  // The concurrency model in a word: 'process', 'thread', 'async', or your own ('pool', 'cluster').
  model: 'thread',
  // One line for \`concur list\`.
  summary: '${names.strategy}: units are worker threads, reached over a channel (a starting point).',
  // The rows of concur's comparison table. Say honestly what your units are.
  traits: {
    unit: 'Thread',
    memory: 'One process, a heap per thread',
    parallel: true,
    execution: 'Parallelism',
    bestFor: 'A starting point for your own runtime',
    pros: ['Truly parallel on several cores', 'A unit stuck in a loop can be stopped'],
    cons: ['Inputs and outputs are copied by structured clone'],
  },
  // How many units to start when the user does not say.
  defaultConcurrency: (cpus) => Math.max(1, cpus),
  // Options come from \`--option ${names.strategy}.key=value\`; name a bad one and the fix in one line.
  validateOptions(options) {
    const keys = Object.keys(options);
    return keys.length > 0 ? 'strategy ${names.strategy} takes no options, got ' + keys.join(', ') : undefined;
  },
  spawn: (spec) => spawnUnit(spec),
});
`;
}

export function unitSource(): string {
  return `/**
 * The main side of one unit: a worker thread running ./unit-entry.js, reached over its message port.
 *
 * ChannelUnit, from core's unit kit, does what every unit must do the same way: it keeps the items in
 * flight, settles each exactly once, turns every failure into a value, and owns the lifecycle (ready, a
 * graceful close with a time limit, a prompt kill, a death of its own). It needs only a Transport to reach
 * the unit's side, and to be told what arrives from there. For your own runtime (a pool's worker, a child
 * process, a machine behind a broker), replace the Worker below; ChannelUnit stays.
 */
import { Worker } from 'node:worker_threads';
import {
  ChannelUnit,
  DEFAULT_MAX_OUTPUT_BYTES,
  type FromUnit,
  OutputCapture,
  type SpawnSpec,
  type Unit,
} from '@concur/core/runtime';
import type { EntryData } from './unit-entry.js';

// A worker runs JavaScript, which only the build makes. Read from src (as vitest does), this module
// takes the built entry from ../dist; that is why \`npm test\` builds first.
const ENTRY = import.meta.url.endsWith('.ts')
  ? new URL('../dist/unit-entry.js', import.meta.url)
  : new URL('./unit-entry.js', import.meta.url);

/** Start one unit; resolves once its task is imported and set up, which is where start-up time ends. */
export async function spawnUnit(spec: SpawnSpec): Promise<Unit> {
  const workerData: EntryData = {
    task: spec.task,
    unit: spec.unit,
    // Shared memory: the worker writes its item's progress here, and never sends a message for it.
    progressBuffer: spec.progress.buffer,
    progressIndex: spec.progress.index,
  };
  // stdout and stderr piped back here, so that what a task prints reaches spec.output, not the terminal.
  const worker = new Worker(ENTRY, { workerData, stdout: true, stderr: true });
  const output = new OutputCapture(
    worker,
    (stream, text) => spec.output(stream, text),
    DEFAULT_MAX_OUTPUT_BYTES,
  );

  const unit = new ChannelUnit({
    id: 'thread ' + worker.threadId,
    spec,
    where: 'a worker thread',
    scope: 'thread', // its figures are this thread's own, not the whole process's
    transport: {
      // Throws at once for an input that structured clone refuses: the kit fails that item alone.
      post: (message) => worker.postMessage(message),
      // Forced and prompt, even for a task in a loop that never yields.
      terminate: async () => {
        await worker.terminate();
      },
    },
    // One line for a unit that ended on its own; \`fatal\` is the uncaught error it died of, if any.
    exitReason: ({ code }, fatal) => (fatal ? 'crashed with an ' + fatal : 'exited with code ' + code),
  });

  worker.on('message', (message: FromUnit) => unit.receive(message));
  // Without a listener, a worker's error would be thrown on the engine's thread.
  worker.on('error', (error) => unit.noteFatal('uncaught ' + error.name + ': ' + error.message));
  // However the thread ended, the kit hears of it once what it printed last has arrived.
  worker.on('exit', (code) => {
    void output.drained(1_000).then(() => unit.contextEnded(code, null));
  });
  // Rejects, with one line, when the task cannot be imported or its setup throws.
  await unit.ready;
  return unit;
}
`;
}

export function unitEntrySource(): string {
  return `/**
 * The worker's side of a unit: core's serveUnit over this thread's message port. serveUnit imports the
 * task and runs its setup, runs the items that arrive, sends their results back, and on close runs the
 * teardown and answers with the final figures. What is this runtime's own is only how messages travel.
 */
import { getHeapStatistics } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import { ownThreadCpu, ProgressCell, serveUnit, type UnitSample } from '@concur/core/runtime';

/** What ./unit.ts starts the worker with. */
export interface EntryData {
  readonly task: string;
  readonly unit: number;
  readonly progressBuffer: SharedArrayBuffer;
  readonly progressIndex: number;
}

if (!parentPort) throw new Error('unit-entry.js is the worker of a unit; ./unit.js starts it');
const port = parentPort;
const data = workerData as EntryData;
const progress = new ProgressCell(data.progressBuffer, data.progressIndex);

await serveUnit(
  {
    send: (message, transfer) => port.postMessage(message, transfer),
    listen: (handler) => port.on('message', handler),
    peer: 'the main thread',
    progress: (fraction) => progress.set(fraction),
    figures,
    // An output that is a whole ArrayBuffer moves to the main thread instead of being copied.
    transfer: true,
    // Called once the last word is sent: with the port closed, the thread ends with nothing left to do.
    end: () => port.close(),
  },
  { task: data.task, unit: data.unit },
);

/** What this thread measures of itself: its heap, and its own CPU time where the platform tells it. */
function figures(): UnitSample {
  const cpu = ownThreadCpu();
  return {
    scope: 'thread',
    heapUsedBytes: getHeapStatistics().used_heap_size,
    ...(cpu && { cpuUserMs: cpu.userMs, cpuSystemMs: cpu.systemMs }),
  };
}
`;
}
