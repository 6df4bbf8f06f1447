/**
 * The main side of a unit whose items run in another execution context — a worker thread, a child
 * process, a worker behind a broker, a Python interpreter — reached over a channel. The lifecycle and the
 * bookkeeping live here once; a strategy supplies only a {@link Transport} and what is truly its own (how
 * it measures its unit, how it names a death).
 */
import type {
  FailureKind,
  Outcome,
  SpawnSpec,
  Unit,
  UnitExit,
  UnitSample,
  WorkItem,
} from '../contract/strategy.js';
import { describeError } from './describe-error.js';
import { failed, InFlight } from './in-flight.js';
import { MessageBatch } from './message-batch.js';
import { TIMED_OUT, withinMs } from './wait.js';
import type { FromUnit, RunRequest, ToUnit } from './wire.js';

/** What a strategy gives the kit to reach its unit. */
export interface Transport {
  /**
   * Send one message. Throw synchronously when it cannot be serialised (the batch then sends its entries
   * one by one, and only the one that cannot travel fails); drop it silently when the unit is gone.
   */
  post(message: ToUnit): void;
  /**
   * Forced end: stop the unit's execution context now, even one busy in a loop that never yields (terminate
   * the thread; signal the process, then SIGKILL). Resolve once it is gone and its output delivered.
   */
  terminate(): Promise<void>;
}

export interface ChannelUnitOptions {
  /** Shown on the dashboard: "pid 4121", "thread 3". */
  readonly id: string;
  readonly spec: SpawnSpec;
  readonly transport: Transport;
  /** Where items run, for messages: "a worker thread", "a child process". */
  readonly where: string;
  /** What the figures cover (see {@link UnitSample.scope}). */
  readonly scope: UnitSample['scope'];
  /**
   * One line naming how the unit ended on its own; `fatal` is what its side said before it died, and
   * `beforeReady` tells a unit that never became ready (the line may then quote what it printed).
   */
  exitReason(
    exit: { code: number | null; signal: string | null },
    fatal: string | undefined,
    beforeReady: boolean,
  ): string;
  /**
   * The unit's figures now, from `reported` (the latest its side sent) and whatever the strategy reads from
   * outside (/proc). `alive` is false once the context is gone. Default: `reported` as it is.
   */
  measure?(reported: UnitSample | undefined, alive: boolean): UnitSample;
  /** Told what the unit's side sent with `ready` (a thread's OS id, say). */
  onReady?(info: unknown): void;
  /** How long a graceful close (the task's teardown) may take before the unit is ended by force. */
  readonly closeGraceMs?: number;
  /** How long `sample()` waits for a busy unit's own figures before measuring from outside. */
  readonly figuresWaitMs?: number;
  /** How long a kill waits, after aborting the items in flight, for their tasks to stop on their own. */
  readonly abortGraceMs?: number;
}

/** Where a channel unit is in its life; `ended` covers a close, a kill and a death alike. */
export type ChannelState = 'starting' | 'running' | 'closing' | 'ended';

const CLOSE_GRACE_MS = 3_000;
const FIGURES_WAIT_MS = 100;
/** Long enough to close a file or roll back a transaction; short enough that a kill stays prompt. */
export const ABORT_GRACE_MS = 500;

export class ChannelUnit implements Unit {
  readonly id: string;
  /** Settles once the unit's context is gone, however it ended; the engine heeds it only for a death. */
  readonly exited: Promise<UnitExit>;
  /** Resolves once the unit's side is ready; rejects, with one line, if it cannot start. */
  readonly ready: Promise<void>;

  private state: ChannelState = 'starting';
  /** How the unit ended, for an item handed to it afterwards. */
  private endedBecause: { kind: FailureKind; message: string } = {
    kind: 'killed',
    message: 'the unit was stopped',
  };
  private readonly inFlight = new InFlight();
  private readonly transport: Transport;
  private reported: UnitSample | undefined;
  private last: UnitSample;
  private fatal: string | undefined;
  private figuresWaiters: ((figures: UnitSample | undefined) => void)[] = [];
  private contextAlive = true;
  private settleExit: (exit: UnitExit) => void = () => {};
  private settleReady: { resolve(): void; reject(error: Error): void } | undefined;
  private onClosed: (() => void) | undefined;
  private readonly contextGone: Promise<void>;
  private markContextGone: () => void = () => {};
  /** Items failed by a kill whose tasks were told to abort: the kill waits (briefly) for them to answer. */
  private aborting: { ids: Set<number>; done(): void } | undefined;

  constructor(private readonly o: ChannelUnitOptions) {
    this.id = o.id;
    this.transport = o.transport;
    this.last = { scope: o.scope };
    this.exited = new Promise((resolve) => (this.settleExit = resolve));
    this.ready = new Promise((resolve, reject) => (this.settleReady = { resolve, reject }));
    this.contextGone = new Promise((resolve) => (this.markContextGone = resolve));
    // A unit that never becomes ready is told so through `ready`; nobody need listen to it otherwise.
    this.ready.catch(() => {});
  }

  /** Where the unit is in its life. */
  get phase(): ChannelState {
    return this.state;
  }

  run(item: WorkItem): Promise<Outcome> {
    if (this.state === 'closing')
      return Promise.resolve(failed('killed', 'the unit is closing and takes no more items'));
    if (this.state !== 'running')
      return Promise.resolve(failed(this.endedBecause.kind, this.endedBecause.message));
    const { id, outcome } = this.inFlight.add();
    this.outgoing.add({ id, index: item.index, input: item.input });
    return outcome;
  }

  /** Items handed to this unit in one turn of the engine's loop leave in one message. */
  private readonly outgoing = new MessageBatch<RunRequest>(
    (items) => this.transport.post({ t: 'run', items }),
    (item, error) =>
      // The serializer refused the input (a function, a symbol…); nothing of it was sent.
      this.inFlight.settle(
        item.id,
        failed(
          'not-cloneable',
          `the input of item ${item.index} cannot be sent to ${this.o.where} (${describeError(error).message}); inputs must be plain data: no functions, class instances with private state, or handles`,
        ),
      ),
    queueMicrotask,
  );

  async sample(): Promise<UnitSample> {
    if (this.state !== 'running') return this.last;
    const figures = await this.askFigures();
    if (this.state === 'running') this.last = this.measure(figures);
    return this.last;
  }

  async close(): Promise<void> {
    if (this.state === 'running' || this.state === 'starting') {
      this.state = 'closing';
      const closed = new Promise<void>((resolve) => (this.onClosed = resolve));
      this.post({ t: 'close' });
      await withinMs(closed, this.o.closeGraceMs ?? CLOSE_GRACE_MS);
      this.end('killed', 'the unit was closed with the item in flight');
    }
    await this.terminated();
  }

  /**
   * Forced end. Items in flight fail as `killed` at once; their tasks' signals are aborted first, and the
   * context is ended once they have stopped or {@link ABORT_GRACE_MS} has passed, whichever comes first.
   */
  async kill(): Promise<void> {
    if (this.state !== 'ended') {
      const wasServing = this.state === 'running' || this.state === 'closing';
      // A killed unit sends no final figures: keep what can be read while its context still exists.
      this.last = this.measure(this.reported);
      const ids = this.end('killed', 'the unit was killed with the item in flight');
      if (wasServing && ids.length > 0 && this.contextAlive) await this.abortFirst(ids);
    }
    await this.terminated();
  }

  /** Tell the unit's side to abort its items, and wait until each has answered or the grace is over. */
  private async abortFirst(ids: number[]): Promise<void> {
    const stopped = new Promise<void>((done) => (this.aborting = { ids: new Set(ids), done }));
    this.post({ t: 'abort', reason: 'the unit is being killed' });
    await withinMs(Promise.race([stopped, this.contextGone]), this.o.abortGraceMs ?? ABORT_GRACE_MS);
    this.aborting = undefined;
  }

  /**
   * Messages from the unit's side. The adapter calls this for every message its channel delivers, including
   * those that arrive after the context ended but before {@link contextEnded}.
   */
  readonly receive = (message: FromUnit): void => {
    switch (message.t) {
      case 'results':
        if (this.aborting) this.answered(message.results.map((result) => result.id));
        for (const result of message.results)
          this.inFlight.settle(
            result.id,
            result.ok
              ? { ok: true, value: result.value, serviceMs: result.ms }
              : { ok: false, error: result.error, serviceMs: result.ms },
          );
        break;
      case 'progress':
        this.o.spec.progress.set(message.fraction);
        break;
      case 'figures':
        this.reported = message.figures;
        for (const waiter of this.figuresWaiters.splice(0)) waiter(message.figures);
        break;
      case 'ready':
        this.o.onReady?.(message.info);
        if (this.state === 'starting') this.state = 'running';
        this.settleReady?.resolve();
        this.settleReady = undefined;
        break;
      case 'setup-failed':
        this.failReady(`the task could not start in ${this.o.where}: ${message.error.message}`);
        this.end('unit-exited', `the unit's setup failed: ${message.error.message}`);
        break;
      case 'fatal':
        this.fatal = message.message;
        break;
      case 'closed':
        // The context still exists here, so what is read from outside is still there to read.
        this.reported = message.figures;
        this.last = this.measure(message.figures);
        if (message.teardownError)
          this.o.spec.output('stderr', `[concur: the task's teardown failed: ${message.teardownError}]\n`);
        this.onClosed?.();
        break;
    }
  };

  private answered(ids: number[]): void {
    const aborting = this.aborting;
    if (!aborting) return;
    for (const id of ids) aborting.ids.delete(id);
    if (aborting.ids.size === 0) aborting.done();
  }

  /** The adapter says so when something other than the unit's side reported why it is dying. */
  noteFatal(message: string): void {
    this.fatal ??= message;
  }

  /**
   * The adapter says so once the unit's execution context is gone and everything it sent has been
   * delivered. After a close or a kill this only confirms the end; otherwise the unit died on its own.
   */
  contextEnded(code: number | null, signal: string | null): void {
    if (!this.contextAlive) return;
    this.contextAlive = false;
    this.markContextGone();
    this.onClosed?.();
    for (const waiter of this.figuresWaiters.splice(0)) waiter(undefined);
    const beforeReady = this.settleReady !== undefined;
    const reason = this.o.exitReason({ code, signal }, this.fatal, beforeReady);
    // After a close or a kill the end was ours: `exited` still says how it went, and the engine ignores it.
    if (this.state === 'closing') this.end('killed', 'the unit was closed with the item in flight');
    if (this.state !== 'ended') {
      this.last = this.measure(this.reported);
      if (beforeReady) this.failReady(`the unit ${reason} before it was ready`);
      this.end('unit-exited', `unit ${reason}`);
    }
    this.settleExit({ code, signal, reason });
  }

  /**
   * Fail what is in flight and refuse what comes after, once; the context itself is stopped by `terminated`.
   * Returns the ids of the items it failed.
   */
  private end(kind: FailureKind, message: string): number[] {
    if (this.state === 'ended') return [];
    this.state = 'ended';
    this.endedBecause =
      kind === 'unit-exited'
        ? { kind, message }
        : { kind: 'killed', message: 'the unit was stopped and takes no more items' };
    this.onClosed?.();
    this.failReady('the unit was stopped before it was ready');
    return this.inFlight.failAll(kind, message);
  }

  /** Ends the context by force unless it has gone already, then waits until it has. */
  private async terminated(): Promise<void> {
    if (this.contextAlive) await this.transport.terminate().catch(() => {});
    await withinMs(this.contextGone, this.o.closeGraceMs ?? CLOSE_GRACE_MS);
  }

  private failReady(message: string): void {
    this.settleReady?.reject(new Error(message));
    this.settleReady = undefined;
  }

  /** The unit's own figures, or the last ones if it is too busy to answer in time. */
  private async askFigures(): Promise<UnitSample | undefined> {
    let done: (figures: UnitSample | undefined) => void = () => {};
    const answered = new Promise<UnitSample | undefined>((resolve) => (done = resolve));
    // One request at a time: a unit busy in a long item answers them all at once when it is free.
    if (this.figuresWaiters.push(done) === 1) this.post({ t: 'figures' });
    const figures = await withinMs(answered, this.o.figuresWaitMs ?? FIGURES_WAIT_MS);
    const index = this.figuresWaiters.indexOf(done);
    if (index >= 0) this.figuresWaiters.splice(index, 1);
    return figures === TIMED_OUT ? this.reported : (figures ?? this.reported);
  }

  private measure(reported: UnitSample | undefined): UnitSample {
    const now = this.o.measure ? this.o.measure(reported, this.contextAlive) : reported;
    return { ...this.last, ...now, scope: this.o.scope };
  }

  private post(message: ToUnit): void {
    try {
      this.transport.post(message);
    } catch {
      // The unit is already gone; contextEnded settles everything.
    }
  }
}
