/**
 * A queue unit, main side: the unit kit's ChannelUnit over the broker. What is this strategy's own is here:
 * the transport (items become jobs on the unit's BullMQ queue, the rest goes on pub/sub), where the unit's
 * process comes from (forked here, or a remote worker that answers the lobby), how a death is named, and that
 * every key of the unit is removed from Redis once it has ended.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import {
  ChannelUnit,
  type FromUnit,
  OutputCapture,
  type SpawnSpec,
  type ToUnit,
  type Unit,
  withinMs,
} from '@concur/core/runtime';
import { Queue, Worker } from 'bullmq';
import { acquireLink, type BrokerLink } from './broker.js';
import type { QueueOptions } from './options.js';
import {
  channelsOf,
  encode,
  encodeInput,
  type FromAnySide,
  type FromSupervisor,
  type Invitation,
  type ItemJob,
  lobbyChannel,
  nodeMajor,
  type ToSupervisor,
  type UnitConfig,
} from './protocol.js';
import { removeKeys } from './remove-keys.js';

// Loaded from next to this module: the build puts both in dist/ (tests read the strategy from dist too).
const UNIT_ENTRY = fileURLToPath(new URL('./unit-entry.js', import.meta.url));
/** After SIGTERM, how long a unit process may take before SIGKILL. */
const KILL_GRACE_MS = 500;
/** After a unit process exits, how long to wait for what it printed last. */
const DRAIN_MS = 250;
/** How long a remote worker's supervisor may take to confirm a kill or say it is alive. */
const SUPERVISOR_ANSWER_MS = 2_000;
/** How long a unit that has said goodbye may take to exit before it is stopped. */
const EXIT_AFTER_GOODBYE_MS = 1_000;
/** How often an invitation is published again while no worker has joined. */
const INVITE_EVERY_MS = 300;
/** Engine flags a unit must not inherit: a second debugger on the same port would stop it starting. */
const NOT_INHERITED = /^--(inspect|debug)/;

/** One id per engine process, and so per run: every key of the run starts with `<prefix>:<run id>`. */
const RUN_ID = randomBytes(6).toString('hex');
let unitsStarted = 0;

/** The prefix of every key this run (this engine process) makes on the broker. */
export const runPrefix = (prefix: string): string => `${prefix}:${RUN_ID}`;

export async function spawnQueueUnit(spec: SpawnSpec, options: QueueOptions): Promise<Unit> {
  const link = await acquireLink(options.broker);
  const config: UnitConfig = {
    broker: options.broker,
    run: runPrefix(options.prefix),
    queue: `u${spec.unit}-${unitsStarted++}`,
    task: spec.task,
    slot: spec.unit,
    inFlight: spec.inFlight,
    lockMs: options.lockMs,
    cleanUpIfOrphaned: options.workers === 'local',
  };
  const side = new UnitSide(spec, options, config, link);
  try {
    return await side.start();
  } catch (error) {
    await side.ended;
    throw error;
  }
}

/** Everything the main side of one queue unit holds, and its end. */
class UnitSide {
  private readonly names: ReturnType<typeof channelsOf>;
  private readonly queue: Queue<ItemJob>;
  private unit: ChannelUnit | undefined;
  /** What the unit said before its ChannelUnit existed (a remote worker's first words). */
  private early: FromUnit[] = [];
  private child: ChildProcess | undefined;
  private output: OutputCapture | undefined;
  private watcher: Worker | undefined;
  private joined: ((who: { host: string; pid: number }) => void) | undefined;
  private supervisorAnswered: (() => void) | undefined;
  private remoteExited: (() => void) | undefined;
  private killedByEngine = false;
  /** Why the unit is gone when its process did not say (the broker went away, its worker vanished). */
  private lostBecause: string | undefined;
  private remoteTail = '';
  private contextGone = false;
  /** The unit has sent its last word after a close: its process is about to end on its own. */
  private saidGoodbye = false;
  private stopListeningForLoss: () => void = () => {};
  private settleEnded: () => void = () => {};
  private markContextEnd: () => void = () => {};
  private readonly contextEnd = new Promise<void>((resolve) => (this.markContextEnd = resolve));
  /** Resolves once the unit has ended and its keys are gone from Redis. */
  readonly ended = new Promise<void>((resolve) => (this.settleEnded = resolve));
  private cleaning: Promise<void> | undefined;

  constructor(
    private readonly spec: SpawnSpec,
    private readonly options: QueueOptions,
    private readonly config: UnitConfig,
    private readonly link: BrokerLink,
  ) {
    this.names = channelsOf(config);
    this.queue = new Queue<ItemJob>(config.queue, {
      connection: link.commands,
      prefix: config.run,
      // The engine is the only one that times out or retries an item: BullMQ runs each job once.
      defaultJobOptions: { attempts: 1, removeOnComplete: true, removeOnFail: true },
    });
    this.queue.on('error', () => {});
  }

  async start(): Promise<Unit> {
    this.stopListeningForLoss = this.link.onLost((reason) => this.brokerLost(reason));
    try {
      await this.link.listen(this.names.from, (message) => this.heard(message));
      const id = this.options.workers === 'local' ? this.forkLocal() : await this.awaitRemote();
      const unit = this.channelUnit(id);
      for (const message of this.early.splice(0)) unit.receive(message);
      if (this.contextGone) unit.contextEnded(null, null);
      await unit.ready;
      return this.wrap(unit);
    } catch (error) {
      await this.terminate();
      void this.cleanup();
      throw error;
    }
  }

  /** The Unit the engine holds: the ChannelUnit, whose close and kill also wait for the keys to go. */
  private wrap(unit: ChannelUnit): Unit {
    return {
      id: unit.id,
      exited: unit.exited,
      run: (item) => unit.run(item),
      sample: () => unit.sample(),
      close: async () => {
        await unit.close();
        await this.cleanup();
      },
      kill: async () => {
        await unit.kill();
        await this.cleanup();
      },
    };
  }

  private channelUnit(id: string): ChannelUnit {
    const unit = new ChannelUnit({
      id,
      spec: this.spec,
      where: this.options.workers === 'local' ? 'a queue worker process' : 'a remote queue worker',
      scope: 'process',
      transport: {
        post: (message) => this.post(message),
        terminate: () => this.terminate(),
      },
      exitReason: (exit, fatal, beforeReady) => this.exitReason(exit, fatal, beforeReady),
    });
    this.unit = unit;
    return unit;
  }

  private post(message: ToUnit): void {
    if (this.link.lostBecause) return;
    if (message.t === 'run') {
      // Encoded here, all at once, so that an input that cannot be cloned throws before anything is sent.
      const jobs = message.items.map(({ id, index, input }) => ({
        name: 'item',
        data: { i: id, x: index, d: encodeInput(input) },
      }));
      // One job alone goes in one script call; addBulk wraps its jobs in a transaction, which pays for several.
      const [only] = jobs;
      const added =
        jobs.length === 1 && only ? this.queue.add(only.name, only.data) : this.queue.addBulk(jobs);
      added.catch((error: unknown) => {
        this.lostBecause ??= `could not put its items on the broker (${String(error)})`;
        void this.terminate().then(() => this.contextEnded(null, null));
      });
      return;
    }
    this.publish(this.names.to, message);
  }

  private publish(channel: string, message: ToUnit | ToSupervisor | Invitation): Promise<number> {
    const bytes = encode(message);
    return this.link.commands.publish(channel, bytes).catch(() => 0);
  }

  /** A message on the unit's `from` channel, from the unit itself or from a remote worker's supervisor. */
  private heard(message: FromAnySide): void {
    if ('w' in message) {
      this.fromSupervisor(message);
      return;
    }
    if (message.t === 'closed') this.saidGoodbye = true;
    if (this.unit) this.unit.receive(message);
    else this.early.push(message);
  }

  private fromSupervisor(message: FromSupervisor): void {
    switch (message.w) {
      case 'joined':
        this.joined?.(message);
        break;
      case 'output':
        this.spec.output(message.stream, message.text);
        break;
      case 'alive':
        this.supervisorAnswered?.();
        break;
      case 'exit':
        this.remoteTail = message.tail;
        this.remoteExited?.();
        this.contextEnded(message.code, message.signal);
        break;
    }
  }

  // ---- local workers: a process forked here ----

  private forkLocal(): string {
    const child = fork(UNIT_ENTRY, [JSON.stringify(this.config)], {
      execArgv: process.execArgv.filter((flag) => !NOT_INHERITED.test(flag)),
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      // Nothing travels over IPC: the channel is there so that the unit hears its engine go.
      serialization: 'json',
    });
    this.child = child;
    this.output = new OutputCapture(child, (stream, text) => this.spec.output(stream, text), 1024 * 1024);
    child.on('error', (error) => this.unit?.noteFatal(`could not start: ${error.message}`));
    child.once('exit', (code, signal) => {
      // What it published and printed before it exited is heard before its end is announced.
      void Promise.all([this.output?.drained(DRAIN_MS), this.link.heardOut()]).then(() =>
        this.contextEnded(code, signal),
      );
    });
    return `pid ${child.pid ?? '?'}`;
  }

  // ---- remote workers: `concur worker` processes that answer the lobby ----

  private async awaitRemote(): Promise<string> {
    const invitation: Invitation = { unit: this.config, node: nodeMajor() };
    const lobby = lobbyChannel(this.options.prefix);
    let listening = 0;
    let again: NodeJS.Timeout | undefined;
    let deadline: NodeJS.Timeout | undefined;
    const who = await new Promise<{ host: string; pid: number } | undefined>((resolve) => {
      this.joined = resolve;
      deadline = setTimeout(() => resolve(undefined), this.options.joinTimeoutMs);
      const invite = async () => {
        listening = Math.max(listening, await this.publish(lobby, invitation));
        if (this.joined) again = setTimeout(() => void invite(), INVITE_EVERY_MS);
      };
      void invite();
      // The broker went away while waiting.
      void this.ended.then(() => resolve(undefined));
    });
    clearTimeout(deadline);
    clearTimeout(again);
    this.joined = undefined;
    if (!who) {
      if (this.link.lostBecause) throw new Error(this.link.lostBecause);
      const seconds = Math.round(this.options.joinTimeoutMs / 1000);
      const start = `concur worker --broker ${this.options.broker}${this.options.prefix === 'concur' ? '' : ` --queue-prefix ${this.options.prefix}`}`;
      throw new Error(
        listening === 0
          ? `no remote queue worker joined within ${seconds} s: none listens at ${this.options.broker} (prefix ${this.options.prefix}); start one with \`${start}\` where the task module is, or use --option queue.workers=local`
          : `no remote queue worker joined within ${seconds} s: ${listening} listen${listening === 1 ? 's' : ''} but none is free; start more with \`${start}\`, or lower --concurrency`,
      );
    }
    await this.watchForStalls();
    return `pid ${who.pid} on ${who.host}`;
  }

  /**
   * A remote worker's machine can vanish without a word. Its items' jobs then stop having their locks renewed,
   * and BullMQ's stalled-job check, run here on the unit's queue, says so; the worker's supervisor is asked
   * whether the unit is alive (an item that blocks its loop past the lock stalls its job too) before the
   * unit is called gone.
   */
  private async watchForStalls(): Promise<void> {
    const watcher = new Worker(this.config.queue, undefined, {
      connection: { url: this.options.broker, maxRetriesPerRequest: null, retryStrategy: () => null },
      prefix: this.config.run,
      autorun: false,
      maxStalledCount: 0,
      stalledInterval: Math.max(500, Math.round(this.options.lockMs / 2)),
    });
    this.watcher = watcher;
    watcher.on('error', () => {});
    watcher.on('stalled', () => void this.stalled());
    await watcher.startStalledCheckTimer();
  }

  private async stalled(): Promise<void> {
    const answered = new Promise<boolean>((resolve) => {
      this.supervisorAnswered = () => resolve(true);
      setTimeout(() => resolve(false), SUPERVISOR_ANSWER_MS).unref();
    });
    void this.publish(this.names.ctl, { w: 'alive?' });
    if (await answered) return;
    const seconds = Math.round(this.options.lockMs / 1000);
    this.lostBecause ??= `stopped renewing its job's lock for ${seconds} s and its worker does not answer (BullMQ's stalled-job check): its machine or process is gone`;
    this.contextEnded(null, null);
  }

  // ---- the end ----

  private async terminate(): Promise<void> {
    if (this.contextGone) return;
    // After its goodbye a unit exits by itself in a moment; signalling it then would only misname its end.
    if (this.saidGoodbye) await withinMs(this.contextEnd, EXIT_AFTER_GOODBYE_MS);
    if (this.contextGone) return;
    this.killedByEngine = true;
    const child = this.child;
    if (child) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), KILL_GRACE_MS);
      await exited;
      clearTimeout(timer);
      return;
    }
    if (this.options.workers === 'remote' && this.unit) {
      const exited = new Promise<boolean>((resolve) => {
        this.remoteExited = () => resolve(true);
        setTimeout(() => resolve(false), SUPERVISOR_ANSWER_MS).unref();
      });
      void this.publish(this.names.ctl, { w: 'kill' });
      // A supervisor that does not confirm is gone with its machine: nothing is left to stop.
      if (!(await exited)) this.contextEnded(null, null);
    }
  }

  private contextEnded(code: number | null, signal: string | null): void {
    if (this.contextGone) return;
    this.contextGone = true;
    this.markContextEnd();
    this.unit?.contextEnded(code, signal);
    void this.cleanup();
  }

  private brokerLost(reason: string): void {
    this.lostBecause ??= `lost its broker: ${reason}`;
    // A local process cannot be reached without the broker: stop it. A remote one stops on its own.
    if (this.child) void this.terminate();
    else this.contextEnded(null, null);
  }

  /** Once the unit's process is gone: forget its channel, stop watching, and remove every key it had. */
  private cleanup(): Promise<void> {
    this.cleaning ??= (async () => {
      this.stopListeningForLoss();
      await Promise.all([
        this.link.unlisten(this.names.from),
        this.watcher?.close(true).catch(() => {}),
        this.queue.close().catch(() => {}),
      ]);
      if (!this.link.lostBecause) await removeKeys(this.link.commands, this.names.keys).catch(() => {});
      await this.link.release();
      this.settleEnded();
    })();
    return this.cleaning;
  }

  private exitReason(
    { code, signal }: { code: number | null; signal: string | null },
    fatal: string | undefined,
    beforeReady: boolean,
  ): string {
    if (this.lostBecause) return this.lostBecause;
    const tail = this.output?.tail ?? this.remoteTail;
    if ((signal !== null || code !== 0) && /JavaScript heap out of memory|Reached heap limit/.test(tail))
      return 'ran out of memory (JavaScript heap out of memory)';
    if (code === null && signal === null) return fatal ? `ended after an ${fatal}` : 'was lost';
    const how = signal ? `killed by ${signal}` : `exited with code ${code}`;
    let reason = fatal ? `${how} after an ${fatal}` : how;
    if (signal === 'SIGKILL' && !this.killedByEngine && !fatal)
      reason += " (by the system's out-of-memory killer or another process)";
    const said = beforeReady ? tail.trim().split('\n').at(-1) : undefined;
    return said ? `${reason}: ${said}` : reason;
  }
}
