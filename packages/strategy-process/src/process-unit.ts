/**
 * The engine's side of one unit: a forked child process running child-entry.js. Items go out as `run`
 * messages and come back as `done`; one message listener serves every item, so dispatch costs a send and a
 * map lookup per item, nothing more.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import {
  describeError,
  type FailureKind,
  MessageBatch,
  type Outcome,
  type SpawnSpec,
  type Unit,
  type UnitExit,
  type UnitSample,
  type WorkItem,
} from '@concur/core';
import { exitReason } from './exit-reason.js';
import type { FromUnit, RunRequest, ToUnit } from './messages.js';
import type { ProcessOptions } from './options.js';
import { OutputCapture } from './output-capture.js';
import { abandonParentDeathGuard, guardedFork, parentDeathGuard, setprivRefused } from './parent-death.js';
import { withProcFigures } from './proc-figures.js';

// Loaded from next to this module: the build puts both in dist/.
const CHILD_ENTRY = fileURLToPath(new URL('./child-entry.js', import.meta.url));
/** After SIGTERM, how long a child may take before SIGKILL. */
const KILL_GRACE_MS = 1000;
/** How long a graceful close (teardown included) may take before the unit is killed. */
const CLOSE_TIMEOUT_MS = 3000;
/** How long `sample()` waits for a busy child's answer before reading its figures from outside. */
const SAMPLE_WAIT_MS = 100;
/** After the child exits, how long to wait for its last messages and output (a grandchild may hold the pipes). */
const DRAIN_MS = 250;
/** Engine flags a child must not inherit: a second debugger on the same port would stop it starting. */
const NOT_INHERITED = /^--(inspect|debug)/;

const failed = (kind: FailureKind, message: string): Outcome => ({
  ok: false,
  error: { kind, message },
  serviceMs: Number.NaN,
});

export async function spawnProcessUnit(spec: SpawnSpec, options: ProcessOptions): Promise<Unit> {
  const guard = parentDeathGuard();
  const unit = new ProcessUnit(spec, options, guard);
  try {
    await unit.ready;
    return unit;
  } catch (error) {
    if (!guard || !unit.refusedBySetpriv()) throw error;
    // A setpriv too old to know --pdeathsig, or not allowed to set it: this unit and every later one start
    // with a watchdog thread instead.
    abandonParentDeathGuard();
    return spawnProcessUnit(spec, options);
  }
}

class ProcessUnit implements Unit {
  readonly id: string;
  readonly exited: Promise<UnitExit>;
  /** Resolves on the child's `ready`; rejects if it cannot start. */
  readonly ready: Promise<void>;

  private readonly child: ChildProcess;
  private readonly output: OutputCapture;
  private readonly pending = new Map<number, (outcome: Outcome) => void>();
  private nextId = 0;
  /** Set once close() or kill() began: the child is on its way out and takes no more items. */
  private ending: 'close' | 'kill' | undefined;
  /** Set once the child has exited. */
  private exit: UnitExit | undefined;
  private fatal: string | undefined;
  private lastSample: UnitSample = { scope: 'process' };
  private sampleWaiters: ((sample: UnitSample) => void)[] = [];
  private settleReady: { resolve(): void; reject(error: Error): void } | undefined;
  private settleExit: (exit: UnitExit) => void = () => {};
  /** Set once the child said it is ready. */
  private started = false;

  constructor(
    private readonly spec: SpawnSpec,
    options: ProcessOptions,
    /** setpriv, to have the kernel kill the child when this process dies; undefined: the child watches. */
    guard: string | undefined,
  ) {
    this.ready = new Promise((resolve, reject) => (this.settleReady = { resolve, reject }));
    this.exited = new Promise((resolve) => (this.settleExit = resolve));
    const nodeFlags = [...process.execArgv.filter((flag) => !NOT_INHERITED.test(flag)), ...options.execArgv];
    // A guarded child is told this process's pid, to check that its parent was still there when the guard was set.
    const args = [spec.task, String(spec.unit), ...(guard ? [String(process.pid)] : [])];
    this.child = fork(CHILD_ENTRY, args, {
      ...(guard ? guardedFork(guard, nodeFlags) : { execArgv: nodeFlags }),
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      serialization: 'advanced',
    });
    this.id = `pid ${this.child.pid ?? '?'}`;
    this.output = new OutputCapture(
      this.child,
      (stream, text) => {
        // setpriv's refusal is not the task's output: the unit is started again without it (see below).
        if (guard && !this.started && stream === 'stderr' && setprivRefused(text)) return;
        spec.output(stream, text);
      },
      options.maxOutputBytes,
    );
    this.child.on('message', this.onMessage);
    this.child.on('error', (error) => this.failReady(`unit could not start: ${error.message}`));
    this.child.once('exit', (code, signal) => void this.onExit(code, signal));
  }

  /** Whether the child, gone before it was ready, was stopped by setpriv rather than by its task. */
  refusedBySetpriv(): boolean {
    return setprivRefused(this.output.tail);
  }

  run(item: WorkItem): Promise<Outcome> {
    if (this.exit) return Promise.resolve(failed('unit-exited', `unit ${this.exit.reason}`));
    if (this.ending) return Promise.resolve(failed('killed', 'unit is closing and takes no more items'));
    const id = this.nextId++;
    this.outgoing.add({ id, index: item.index, input: item.input });
    return new Promise((resolve) => this.pending.set(id, resolve));
  }

  /**
   * Items handed to this unit in one turn of the engine's loop leave in one message (a unit with 500 in
   * flight gets one for each result of a `done` batch): with the advanced serialisation a message costs
   * about 6 µs of the engine's CPU and 3 µs of the child's, whatever it holds.
   */
  private readonly outgoing = new MessageBatch<RunRequest>(
    (items) => {
      // A child that has just died fails its items through 'exit'; a refused input throws from here.
      if (this.child.connected)
        this.child.send({ type: 'run', items } satisfies ToUnit, (error) => void error);
    },
    (item, error) => {
      // The serializer refused the input (a function, a symbol…); nothing of it was sent.
      const resolve = this.pending.get(item.id);
      this.pending.delete(item.id);
      const why = describeError(error).message;
      resolve?.(
        failed('not-cloneable', `the input of item ${item.index} cannot be sent to a child process (${why})`),
      );
    },
    queueMicrotask,
  );

  sample(): UnitSample | Promise<UnitSample> {
    if (this.exit || this.ending || !this.child.connected) return this.lastSample;
    return new Promise((resolve) => {
      let answered = false;
      const answer = (sample: UnitSample) => {
        if (answered) return;
        answered = true;
        clearTimeout(timer);
        resolve(sample);
      };
      // One request at a time: a child busy in a long item answers them all at once when it is free.
      if (this.sampleWaiters.length === 0) this.send({ type: 'sample' });
      this.sampleWaiters.push(answer);
      // No answer in time: the child is busy. Read what the kernel says about it instead.
      const timer = setTimeout(() => {
        this.lastSample = withProcFigures(this.lastSample, this.child.pid);
        answer(this.lastSample);
      }, SAMPLE_WAIT_MS).unref();
    });
  }

  async close(): Promise<void> {
    if (!this.exit && !this.ending) {
      this.ending = 'close';
      this.send({ type: 'close' });
      const timer = setTimeout(() => void this.kill(), CLOSE_TIMEOUT_MS);
      await this.exited;
      clearTimeout(timer);
    }
    await this.exited;
  }

  async kill(): Promise<void> {
    if (this.exit) return;
    this.ending = 'kill';
    this.failPending('killed', 'unit killed');
    // A killed child sends no final figures: keep the kernel's, read while the process still exists.
    this.lastSample = withProcFigures(this.lastSample, this.child.pid);
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), KILL_GRACE_MS);
    await this.exited;
    clearTimeout(timer);
  }

  private readonly onMessage = (message: FromUnit): void => {
    switch (message.type) {
      case 'done':
        for (const { id, outcome } of message.results) {
          const resolve = this.pending.get(id);
          if (!resolve) continue;
          this.pending.delete(id);
          resolve(outcome);
        }
        break;
      case 'progress':
        this.spec.progress.set(message.fraction);
        break;
      case 'sample':
      case 'closed':
        this.lastSample = message.sample;
        for (const resolve of this.sampleWaiters) resolve(message.sample);
        this.sampleWaiters = [];
        break;
      case 'ready':
        this.started = true;
        this.settleReady?.resolve();
        this.settleReady = undefined;
        break;
      case 'setup-failed':
        this.failReady(message.message);
        break;
      case 'fatal':
        this.fatal = message.message;
        break;
    }
  };

  private async onExit(code: number | null, signal: NodeJS.Signals | null): Promise<void> {
    // 'exit' can come before the child's last messages and output have been read: let them arrive.
    const disconnected = this.child.connected
      ? new Promise<void>((resolve) => this.child.once('disconnect', resolve))
      : Promise.resolve();
    await Promise.all([
      this.output.drained(DRAIN_MS),
      Promise.race([disconnected, this.output.drained(DRAIN_MS)]),
    ]);
    const reason = exitReason({
      code,
      signal,
      stderrTail: this.output.tail,
      fatal: this.fatal,
      killedByEngine: this.ending === 'kill',
    });
    this.exit = { code, signal, reason };
    if (this.ending === 'close') this.failPending('killed', 'unit closed with the item in flight');
    else this.failPending('unit-exited', `unit ${reason}`);
    for (const resolve of this.sampleWaiters) resolve(this.lastSample);
    this.sampleWaiters = [];
    const said = this.output.tail.trim().split('\n').at(-1);
    this.failReady(`unit ${reason} before it was ready${said ? `: ${said}` : ''}`);
    this.settleExit(this.exit);
  }

  private failReady(message: string): void {
    this.settleReady?.reject(new Error(message));
    this.settleReady = undefined;
  }

  private failPending(kind: FailureKind, message: string): void {
    for (const resolve of this.pending.values()) resolve(failed(kind, message));
    this.pending.clear();
  }

  /** Send a control message; a child that has just died is reported through 'exit', not here. */
  private send(message: ToUnit): void {
    if (this.child.connected) this.child.send(message, (error) => void error);
  }
}
