/**
 * The source of a scaffolded strategy: `src/index.ts` (the plugin: meta, traits, spawn) and `src/unit.ts`
 * (a unit that really runs items, in process, through core's TaskHost). The generated code uses no
 * template literals, so that these templates stay plain to read.
 */
import type { StrategyNames } from '../strategy-name.js';

export function indexSource(names: StrategyNames, apiVersion: number): string {
  return `/**
 * ${names.packageName}: a concur strategy plugin.
 *
 * A strategy only executes: concur's engine schedules, times, retries and aggregates, identically for every
 * strategy. This one starts as units that run items in process; make them yours in ./unit.ts.
 */
import { defineStrategy } from '@concur/core';
import { InProcessUnit } from './unit.js';

export default defineStrategy({
  // apiVersion: the contract version this plugin was written against. Keep it a literal: a concur that
  // speaks another version then refuses the plugin with a clear reason instead of misusing it.
  meta: { name: '${names.strategy}', version: '0.1.0', apiVersion: ${apiVersion} },
  // The concurrency model in a word: 'process', 'thread', 'async', or your own ('pool', 'cluster').
  model: 'in-process',
  // One line for \`concur list\`.
  summary: '${names.strategy}: units run items in process, on the engine’s event loop (a starting point).',
  // The rows of concur's comparison table. Say honestly what your units are.
  traits: {
    unit: 'A call on the engine’s event loop',
    memory: 'Shared (one process)',
    parallel: false,
    execution: 'Concurrency',
    bestFor: 'A starting point for your own runtime',
    pros: ['Starts instantly', 'No copying of inputs and outputs'],
    cons: ['No parallelism: every unit shares one thread', 'A task that never yields cannot be stopped'],
  },
  // How many units to start when the user does not say.
  defaultConcurrency: (cpus) => Math.max(1, cpus),
  // Options come from \`--option ${names.strategy}.key=value\`; name a bad one and the fix in one line.
  validateOptions(options) {
    const keys = Object.keys(options);
    return keys.length > 0 ? 'strategy ${names.strategy} takes no options, got ' + keys.join(', ') : undefined;
  },
  spawn: (spec) => InProcessUnit.start(spec),
});
`;
}

export function unitSource(names: StrategyNames): string {
  return `import {
  type FailureKind,
  type Outcome,
  type SpawnSpec,
  TaskHost,
  type Unit,
  type UnitExit,
  type UnitSample,
  type WorkItem,
} from '@concur/core';

/** A unit inside the engine's own process cannot die on its own, so \`exited\` never settles. */
const NEVER_EXITS = new Promise<UnitExit>(() => {});

/**
 * One unit: a TaskHost from @concur/core, called on this event loop. TaskHost imports the task once, runs
 * its setup once, runs every item with a fresh context (signal, progress) and turns errors into values.
 *
 * To make this a real runtime, keep the TaskHost but move it into your worker (a thread, a process, a
 * pool's worker): this class then carries items there and outcomes back, \`kill()\` ends the worker, and
 * \`exited\` resolves when it dies on its own.
 */
export class InProcessUnit implements Unit {
  readonly exited = NEVER_EXITS;
  /** Items in flight, so that kill() can resolve them at once. */
  private readonly pending = new Set<(outcome: Outcome) => void>();
  private ended = false;
  private last: UnitSample | undefined;

  private constructor(
    readonly id: string,
    private readonly host: TaskHost,
  ) {}

  /** Resolves once the task is imported and set up: the engine counts start-up time until here. */
  static async start(spec: SpawnSpec): Promise<InProcessUnit> {
    // Progress goes straight into the engine's progress cell: a number written, never a message sent.
    const host = await TaskHost.open(spec.task, spec.unit, (fraction) => spec.progress.set(fraction));
    return new InProcessUnit('${names.strategy} ' + spec.unit, host);
  }

  /** Never rejects: a task error comes back from TaskHost as \`{ ok: false }\`. */
  run(item: WorkItem): Promise<Outcome> {
    if (this.ended) return Promise.resolve(failure('killed', this.id + ' takes no more items'));
    return new Promise((resolve) => {
      this.pending.add(resolve);
      void this.host.run(item).then((outcome) => {
        if (this.pending.delete(resolve)) resolve(outcome);
      });
    });
  }

  /** Only figures the platform really measures. 'shared': they are the whole engine process's. */
  sample(): UnitSample {
    if (this.last) return this.last;
    const cpu = process.cpuUsage();
    const memory = process.memoryUsage();
    return {
      scope: 'shared',
      cpuUserMs: cpu.user / 1000,
      cpuSystemMs: cpu.system / 1000,
      rssBytes: memory.rss,
      heapUsedBytes: memory.heapUsed,
    };
  }

  /** Graceful: the task's teardown runs. */
  async close(): Promise<void> {
    if (this.ended) return;
    this.end('closed');
    await this.host.close();
  }

  /** Forced and prompt. Code already running on this thread cannot be stopped: its signal is aborted. */
  async kill(): Promise<void> {
    if (this.ended) return;
    this.host.abort('killed');
    this.end('killed');
  }

  private end(how: string): void {
    this.last = this.sample();
    this.ended = true;
    for (const resolve of this.pending) resolve(failure('killed', this.id + ' was ' + how + ' with the item in flight'));
    this.pending.clear();
  }
}

function failure(kind: FailureKind, message: string): Outcome {
  return { ok: false, error: { kind, message }, serviceMs: 0 };
}
`;
}
