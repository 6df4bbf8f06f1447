/**
 * One unit = one Piscina pool with exactly one worker thread (minThreads = maxThreads = 1).
 *
 * Why not one shared pool with a unit per concurrency slot: concur's engine already owns the queue and the
 * dispatch, so a shared pool would put piscina's own queue under it and race two schedulers at once; and a
 * slot of a shared pool has no thread of its own, so "setup once per unit", a kill that stops only this
 * unit's item, `exited` and per-unit CPU figures would have nothing to attach to. A pool of one thread maps
 * one-to-one onto the contract, and what is raced is piscina's hand-over of a task to its worker.
 */
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import {
  describeError,
  failed,
  InFlight,
  type Outcome,
  readThreadCpu,
  type SpawnSpec,
  type Unit,
  type UnitExit,
  type UnitSample,
  type WorkItem,
  withinMs,
} from '@concur/core/runtime';
import { Piscina } from 'piscina';
import { HANDLERS, type ReadyAnswer, type UnitData } from './messages.js';
import type { PiscinaOptions } from './options.js';

/** The worker needs JavaScript, which only the build has; tests that read `src` use the built file. */
const WORKER_FILE = fileURLToPath(
  import.meta.url.endsWith('.ts')
    ? new URL('../dist/worker.js', import.meta.url)
    : new URL('./worker.js', import.meta.url),
);
/** A graceful close (the task's teardown) that takes longer than this is forced. */
const CLOSE_GRACE_MS = 3_000;

type State = 'starting' | 'running' | 'closing' | 'ended';

export class PoolUnit implements Unit {
  readonly id: string;
  readonly exited: Promise<UnitExit>;

  private readonly pool: Piscina;
  /** The pool's one worker thread: its 'exit' tells a death of its own apart from our destroy(). */
  private readonly thread: Worker;
  /** Items in flight: each settles once, from piscina's answer or from the unit's end. */
  private readonly inFlight = new InFlight();
  private state: State = 'starting';
  private tid: number | null = null;
  /** Why the thread died, when piscina reported an uncaught error through the pool's 'error' event. */
  private fatal: string | undefined;
  private last: UnitSample = { scope: 'thread' };
  private settleExit: (exit: UnitExit) => void = () => {};
  /** Set when the thread exited on its own: how. */
  private exitReason: string | undefined;

  private constructor(
    private readonly spec: SpawnSpec,
    private readonly options: PiscinaOptions,
  ) {
    const workerData: UnitData = {
      task: spec.task,
      unit: spec.unit,
      progressBuffer: spec.progress.buffer,
      progressIndex: spec.progress.index,
    };
    this.pool = new Piscina({
      filename: WORKER_FILE,
      minThreads: 1,
      maxThreads: 1,
      concurrentTasksPerWorker: 1,
      idleTimeout: Number.POSITIVE_INFINITY,
      atomics: options.atomics,
      workerData,
    });
    const [thread] = this.pool.threads;
    if (!thread)
      throw new Error(
        'piscina started no thread for minThreads: 1; this is a bug in concur-strategy-piscina',
      );
    this.thread = thread;
    this.id = `piscina ${thread.threadId}`;
    this.exited = new Promise((resolve) => {
      this.settleExit = resolve;
    });
    // Without a listener, an 'error' event would throw in the engine's process.
    this.pool.on('error', (error: unknown) => {
      this.fatal ??= describeError(error).message;
    });
    thread.once('exit', (code) => this.onThreadExit(code));
  }

  /** Start the pool and wait until its worker has imported and set up the task. */
  static async start(spec: SpawnSpec, options: PiscinaOptions): Promise<PoolUnit> {
    const unit = new PoolUnit(spec, options);
    try {
      const answer = (await unit.pool.run(null, { name: HANDLERS.ready })) as ReadyAnswer;
      unit.tid = answer.tid;
    } catch (error) {
      unit.state = 'ended';
      await unit.pool.destroy();
      throw new Error(`the task could not start in a piscina worker: ${describeError(error).message}`);
    }
    if (unit.state === 'starting') unit.state = 'running';
    return unit;
  }

  run(item: WorkItem): Promise<Outcome> {
    if (this.state !== 'running') return Promise.resolve(failed('killed', `${this.id} takes no more items`));
    const { id, outcome } = this.inFlight.add();
    this.pool.run(item, { name: HANDLERS.run }).then(
      (answer) => this.inFlight.settle(id, answer as Outcome),
      (error: unknown) =>
        this.inFlight.settle(
          id,
          // A rejection after the thread exited on its own is the exit itself, unless it is the crash
          // of a result that could not be sent back (which piscina reports as a non-Error).
          this.exitReason !== undefined && error instanceof Error
            ? failed('unit-exited', `the unit's piscina worker ${this.exitReason}`)
            : rejected(item, error),
        ),
    );
    return outcome;
  }

  sample(): UnitSample {
    if (this.state === 'ended') return this.last;
    const cpu = this.tid === null ? undefined : readThreadCpu(this.tid);
    this.last = {
      scope: 'thread',
      ...(cpu && { cpuUserMs: cpu.userMs, cpuSystemMs: cpu.systemMs }),
      ...this.loopUse(),
    };
    return this.last;
  }

  async close(): Promise<void> {
    if (this.state !== 'running') return;
    this.state = 'closing';
    const teardown = this.pool.run(null, { name: HANDLERS.close }).catch((error: unknown) => {
      this.spec.output('stderr', `[concur: the task's teardown failed: ${describeError(error).message}]\n`);
    });
    await withinMs(teardown, CLOSE_GRACE_MS);
    await this.end('the unit was closed with the item in flight');
  }

  async kill(): Promise<void> {
    if (this.state === 'ended') return;
    await this.end('the unit was killed with the item in flight');
  }

  /** Keep the final figures, fail what is in flight, terminate the thread (destroy() stops even a busy loop). */
  private async end(message: string): Promise<void> {
    this.sample();
    this.state = 'ended';
    this.inFlight.failAll('killed', message);
    await this.pool.destroy();
  }

  private onThreadExit(code: number): void {
    if (this.state === 'ended' || this.state === 'closing') return;
    this.sample();
    this.state = 'ended';
    const reason = this.fatal ? `crashed with an uncaught ${this.fatal}` : `exited with code ${code}`;
    this.exitReason = reason;
    // piscina's own rejection of the item in flight says more (a result it could not send back), and it
    // can arrive just after the thread's exit: let it, then fail whatever is still pending with the exit.
    setTimeout(() => this.inFlight.failAll('unit-exited', `the unit's piscina worker ${reason}`), 50);
    this.settleExit({ code, signal: null, reason });
    // piscina would start a replacement thread; the engine starts a replacement unit instead.
    void this.pool.destroy();
  }

  /**
   * Event-loop use, only where it means something: with piscina's default `atomics: 'sync'` an idle worker
   * blocks in Atomics.wait, which counts as busy, so the figure would read near 100% on an idle unit.
   */
  private loopUse(): Pick<UnitSample, 'eventLoopUtilization'> {
    if (this.options.atomics === 'sync') return {};
    const elu = this.thread.performance.eventLoopUtilization().utilization;
    return Number.isFinite(elu) ? { eventLoopUtilization: Math.min(1, Math.max(0, elu)) } : {};
  }
}

/**
 * A rejection from piscina itself (the task's own errors arrive as values as part of the outcome): a value
 * that could not cross to or from the worker.
 */
function rejected(item: WorkItem, error: unknown): Outcome {
  if ((error as { name?: unknown } | null)?.name === 'DataCloneError')
    return failed(
      'not-cloneable',
      `the input of item ${item.index} could not be sent to the piscina worker (${describeError(error).message}); use plain data`,
    );
  // An output that cannot be cloned makes piscina throw in the worker, which then dies; what arrives here
  // is the crash, with the error itself lost on the way (it is not an Error any more).
  // The worker is gone with it: say so, so that the engine sends this unit nothing more.
  if (!(error instanceof Error))
    return {
      ok: false,
      error: {
        kind: 'not-cloneable',
        message: `the piscina worker crashed sending back the result of item ${item.index}, most likely a value that cannot be cloned; return plain data`,
        unitGone: true,
      },
      serviceMs: Number.NaN,
    };
  return { ok: false, error: describeError(error), serviceMs: Number.NaN };
}
