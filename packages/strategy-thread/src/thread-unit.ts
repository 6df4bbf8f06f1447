/**
 * The main side of a thread unit: one `Worker` running worker-entry.js, items sent by message and matched
 * to their replies by a sequence number, one listener per event for the unit's whole life.
 */
import { finished } from 'node:stream/promises';
import { SHARE_ENV, Worker } from 'node:worker_threads';
import {
  type Failure,
  type FailureKind,
  MessageBatch,
  type Outcome,
  type SpawnSpec,
  type Unit,
  type UnitExit,
  type UnitSample,
  type WorkItem,
} from '@concur/core';
import { BoundedOutput } from './bounded-output.js';
import type { CpuTimes, FromWorker, RunRequest, ToWorker, WorkerData, WorkerFigures } from './messages.js';
import type { ThreadOptions } from './options.js';
import { readThreadCpu } from './thread-cpu.js';

/**
 * The worker needs JavaScript, which only the build has. Next to the built module it is `./worker-entry.js`;
 * when this file is read from `src` (tests, typecheck), the built entry is in `../dist`.
 */
const WORKER_ENTRY = import.meta.url.endsWith('.ts')
  ? new URL('../dist/worker-entry.js', import.meta.url)
  : new URL('./worker-entry.js', import.meta.url);

/** A graceful close that waits longer than this (a teardown that hangs, a busy loop) is forced. */
const CLOSE_GRACE_MS = 3_000;
/** How long `sample()` waits for a busy worker to report its heap before using the last figure. */
const FIGURES_WAIT_MS = 100;
/** How long an ended unit's last output may take to arrive. */
const OUTPUT_GRACE_MS = 1_000;

type State = 'starting' | 'running' | 'closing' | 'ended';

export class ThreadUnit implements Unit {
  readonly id: string;
  readonly exited: Promise<UnitExit>;

  private readonly worker: Worker;
  private readonly output: BoundedOutput;
  /** Items in flight, by the sequence number sent with them. */
  private readonly pending = new Map<number, (outcome: Outcome) => void>();
  private nextId = 0;
  private state: State = 'starting';
  /** False from the worker's 'exit' on: its /proc entry and event-loop figures are gone. */
  private threadAlive = true;
  private tid: number | null = null;
  /** The uncaught error the worker died of, if any; its 'exit' event follows. */
  private fatal: Error | undefined;
  private last: UnitSample = { scope: 'thread' };
  /** Set once the final figures are kept: after that, `sample()` returns `last` unchanged. */
  private finalMeasured = false;
  private lastFigures: WorkerFigures | undefined;
  private figuresWaiters: ((figures: WorkerFigures | undefined) => void)[] = [];
  private onClosed: (() => void) | undefined;
  private settleExit: (exit: UnitExit) => void = () => {};
  private settleReady: (error?: Error) => void = () => {};

  private constructor(
    private readonly spec: SpawnSpec,
    private readonly options: ThreadOptions,
  ) {
    const workerData: WorkerData = {
      task: spec.task,
      unit: spec.unit,
      progressBuffer: spec.progress.buffer,
      progressIndex: spec.progress.index,
    };
    this.worker = new Worker(WORKER_ENTRY, {
      workerData,
      stdout: true,
      stderr: true,
      resourceLimits: options.resourceLimits,
      env: options.env === 'share' ? SHARE_ENV : process.env,
      name: `concur unit ${spec.unit}`,
    });
    this.id = `thread ${this.worker.threadId}`;
    this.exited = new Promise((resolve) => {
      this.settleExit = resolve;
    });
    this.output = new BoundedOutput((stream, text) => spec.output(stream, text));
    for (const stream of ['stdout', 'stderr'] as const) {
      this.worker[stream].setEncoding('utf8');
      this.worker[stream].on('data', (text: string) => this.output.push(stream, text));
    }
    this.worker.on('message', (message: FromWorker) => this.onMessage(message));
    this.worker.on('error', (error: Error) => {
      this.fatal ??= error;
    });
    this.worker.on('exit', (code: number) => this.onExit(code));
  }

  /** Start a worker; resolve once its task is imported and set up. */
  static async start(spec: SpawnSpec, options: ThreadOptions): Promise<ThreadUnit> {
    const unit = new ThreadUnit(spec, options);
    await new Promise<void>((resolve, reject) => {
      unit.settleReady = (error) => (error ? reject(error) : resolve());
    });
    return unit;
  }

  run(item: WorkItem): Promise<Outcome> {
    if (this.state !== 'running')
      return Promise.resolve(
        failure('unit-exited', `the unit is ${this.state === 'closing' ? 'closing' : 'gone'}`),
      );
    const id = this.nextId++;
    this.outgoing.add({ id, index: item.index, input: item.input });
    return new Promise<Outcome>((resolve) => this.pending.set(id, resolve));
  }

  /** Items handed to this unit in one turn of the engine's loop leave in one message. */
  private readonly outgoing = new MessageBatch<RunRequest>(
    // A DataCloneError is thrown from here; a worker that is gone drops the message, and its 'exit' settles.
    (items) => this.worker.postMessage({ t: 'run', items } satisfies ToWorker),
    (item, error) => {
      // Structured clone refused the input (a function, a symbol…); nothing of it was sent.
      const resolve = this.pending.get(item.id);
      this.pending.delete(item.id);
      resolve?.(failure('not-cloneable', inputNotCloneable(item.index, error)));
    },
    queueMicrotask,
  );

  async sample(): Promise<UnitSample> {
    if (this.state !== 'running') return this.last;
    const figures = await this.askFigures();
    if (this.state === 'running') this.last = this.measure(figures);
    return this.last;
  }

  async close(): Promise<void> {
    if (this.state !== 'running' && this.state !== 'starting') return;
    this.state = 'closing';
    const closed = new Promise<void>((resolve) => {
      this.onClosed = resolve;
    });
    this.post({ t: 'close' });
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, CLOSE_GRACE_MS);
    });
    await Promise.race([closed, late]);
    clearTimeout(timer);
    await this.end('killed', 'the unit was closed with the item in flight');
  }

  async kill(): Promise<void> {
    if (this.state === 'ended') return;
    await this.end('killed', 'the unit was killed with the item in flight');
  }

  /** Keep the final figures, fail what is in flight, stop the thread. Its own 'exit' is then ignored. */
  private async end(kind: FailureKind, message: string): Promise<void> {
    if (this.state !== 'ended') {
      this.keepFinalFigures(this.lastFigures);
      this.state = 'ended';
      this.onClosed?.();
      this.settleReady(new Error('the unit was stopped before it was ready'));
      this.failPending(kind, message);
    }
    await this.worker.terminate();
    await this.outputEnded();
  }

  /** After the thread ends, wait (briefly) for what it printed last, so `close()` returns with it delivered. */
  private async outputEnded(): Promise<void> {
    const ended = Promise.all([finished(this.worker.stdout), finished(this.worker.stderr)]).catch(() => {});
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([ended, new Promise((resolve) => (timer = setTimeout(resolve, OUTPUT_GRACE_MS)))]);
    clearTimeout(timer);
    this.output.flush();
  }

  private onMessage(message: FromWorker): void {
    switch (message.t) {
      case 'results':
        for (const result of message.results)
          this.settle(
            result.id,
            result.t === 'ok'
              ? { ok: true, value: result.value, serviceMs: result.ms }
              : { ok: false, error: result.error, serviceMs: result.ms },
          );
        break;
      case 'figures':
        this.lastFigures = message.figures;
        for (const waiter of this.figuresWaiters.splice(0)) waiter(message.figures);
        break;
      case 'ready':
        this.tid = message.tid;
        if (this.state === 'starting') this.state = 'running';
        this.settleReady();
        break;
      case 'setup-failed':
        this.settleReady(new Error(`the task could not start in a worker thread: ${message.error.message}`));
        void this.end('unit-exited', 'setup failed');
        break;
      case 'closed':
        // The thread is still alive here, so its CPU and event-loop figures can still be read.
        this.keepFinalFigures(message.figures);
        if (message.teardownError)
          this.spec.output('stderr', `[concur: the task's teardown failed: ${message.teardownError}]\n`);
        this.onClosed?.();
        break;
    }
  }

  private onExit(code: number): void {
    this.threadAlive = false;
    this.onClosed?.();
    for (const waiter of this.figuresWaiters.splice(0)) waiter(undefined);
    if (this.state === 'ended') return;
    this.keepFinalFigures(this.lastFigures);
    if (this.state === 'closing') {
      // It ended after (or during) its teardown: a close, not a death of its own.
      this.state = 'ended';
      this.failPending('killed', 'the unit was closed with the item in flight');
      return;
    }
    this.state = 'ended';
    const reason = exitReason(code, this.fatal, this.options);
    this.settleReady(new Error(`the worker thread ${reason} before it was ready`));
    this.failPending('unit-exited', `the unit's thread ${reason}`);
    void this.outputEnded().then(() => this.settleExit({ code, signal: null, reason }));
  }

  private settle(id: number, outcome: Outcome): void {
    const resolve = this.pending.get(id);
    if (!resolve) return;
    this.pending.delete(id);
    resolve(outcome);
  }

  private failPending(kind: FailureKind, message: string): void {
    for (const resolve of this.pending.values()) resolve(failure(kind, message));
    this.pending.clear();
  }

  /** Ask the worker for its heap (and CPU where /proc is not readable); a busy worker may not answer in time. */
  private askFigures(): Promise<WorkerFigures | undefined> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        const index = this.figuresWaiters.indexOf(done);
        if (index >= 0) this.figuresWaiters.splice(index, 1);
        resolve(this.lastFigures);
      }, FIGURES_WAIT_MS);
      const done = (figures: WorkerFigures | undefined) => {
        clearTimeout(timer);
        resolve(figures ?? this.lastFigures);
      };
      if (this.figuresWaiters.push(done) === 1) this.post({ t: 'figures' });
    });
  }

  private keepFinalFigures(figures: WorkerFigures | undefined): void {
    if (this.finalMeasured) return;
    this.finalMeasured = true;
    this.last = this.measure(figures);
  }

  /**
   * Figures now: CPU from /proc where it is readable, event-loop use from the main side, heap as reported.
   * Once the thread is gone neither can be read any more, so the figures of the last sample stand.
   */
  private measure(figures: WorkerFigures | undefined): UnitSample {
    const cpu: CpuTimes | undefined =
      (this.threadAlive && this.tid !== null ? readThreadCpu(this.tid) : undefined) ?? figures?.cpu;
    const elu = this.threadAlive ? this.worker.performance.eventLoopUtilization().utilization : Number.NaN;
    return {
      ...this.last,
      scope: 'thread',
      ...(cpu && { cpuUserMs: cpu.userMs, cpuSystemMs: cpu.systemMs }),
      ...(figures && { heapUsedBytes: figures.heapUsedBytes }),
      ...(Number.isFinite(elu) && { eventLoopUtilization: Math.min(1, Math.max(0, elu)) }),
    };
  }

  private post(message: ToWorker): void {
    try {
      this.worker.postMessage(message);
    } catch {
      // The worker is already gone; its 'exit' handler settles everything.
    }
  }
}

function failure(kind: FailureKind, message: string): Outcome {
  const error: Failure = { kind, message };
  return { ok: false, error, serviceMs: 0 };
}

function inputNotCloneable(index: number, error: unknown): string {
  const why = error instanceof Error ? error.message.split('\n')[0] : String(error);
  return `the input of item ${index} could not be sent to the worker thread (${why}); inputs must be plain data: no functions, class instances with private state, or handles`;
}

/** One line naming how a worker died on its own. */
function exitReason(code: number, fatal: Error | undefined, options: ThreadOptions): string {
  if ((fatal as { code?: string } | undefined)?.code === 'ERR_WORKER_OUT_OF_MEMORY') {
    const limits = Object.entries(options.resourceLimits).map(([key, mb]) => `${key}=${mb}`);
    return `ran out of memory (ERR_WORKER_OUT_OF_MEMORY${limits.length ? `, resourceLimits ${limits.join(', ')}` : ''})`;
  }
  if (fatal) return `crashed with an uncaught ${`${fatal.name}: ${fatal.message}`.split('\n')[0]}`;
  return `exited with code ${code} (process.exit in the worker)`;
}
