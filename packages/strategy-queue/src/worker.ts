/**
 * `concur worker`: a process that serves queue units for runs on any machine that reaches the broker. It
 * listens in the lobby of its prefix; when a run with `--option queue.workers=remote` invites a unit, it
 * claims it (one worker per unit, by an atomic SET NX), forks the unit's own process — the same
 * unit-entry.js the strategy forks for local workers — and relays what only it can see from outside: what
 * the unit prints, how it ended, a kill the engine asks for (a unit busy in a loop cannot hear one), and
 * whether the unit is alive when BullMQ's stalled-job check wonders. Then it goes back to the lobby.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { hostname } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { noBroker } from './broker.js';
import { brokerUrl, DEFAULT_OPTIONS, keyPrefix } from './options.js';
import {
  channelsOf,
  decode,
  encode,
  type FromSupervisor,
  type Invitation,
  lobbyChannel,
  nodeMajor,
  type ToSupervisor,
  type UnitConfig,
} from './protocol.js';
import { removeKeys } from './remove-keys.js';

const UNIT_ENTRY = fileURLToPath(new URL('./unit-entry.js', import.meta.url));
/** What one unit may print before the rest is dropped, as for local units. */
const MAX_OUTPUT_BYTES = 1024 * 1024;
const TAIL_CHARS = 4096;
/** After SIGTERM, how long a unit process may take before SIGKILL. */
const KILL_GRACE_MS = 500;
/** A unit's process: its output is relayed, and its IPC channel tells it its supervisor is gone. */
const UNIT_STDIO = {
  stdio: ['ignore', 'pipe', 'pipe', 'ipc'] as ('ignore' | 'pipe' | 'ipc')[],
  serialization: 'json' as const,
};
/** How often a serving worker checks that the engine of its run still listens. */
const ENGINE_CHECK_MS = 2_000;

export interface QueueWorkerOptions {
  /** Redis URL (default redis://127.0.0.1:6379). */
  readonly broker?: string;
  /** The namespace whose lobby to listen in: the runs' `queue.prefix` (default "concur"). */
  readonly prefix?: string;
  /** Where the worker's lines go (one per event). */
  readonly log: (line: string) => void;
  /** Abort to stop: a unit being served is ended first, and its engine told. */
  readonly signal?: AbortSignal;
}

/** A bad flag or an absent broker: one line, nothing started. */
export class QueueWorkerInputError extends Error {
  override name = 'QueueWorkerInputError';
}

/** Serve units until `signal` aborts. Rejects with a {@link QueueWorkerInputError} if it cannot start. */
export async function runQueueWorker(options: QueueWorkerOptions): Promise<void> {
  let broker: string;
  let prefix: string;
  try {
    broker = brokerUrl(options.broker ?? DEFAULT_OPTIONS.broker, '--broker');
    prefix = keyPrefix(options.prefix ?? DEFAULT_OPTIONS.prefix, '--queue-prefix');
  } catch (error) {
    throw new QueueWorkerInputError((error as Error).message);
  }
  const worker = new QueueWorker(broker, prefix, options.log);
  await worker.connect();
  const stopped = new Promise<void>((resolve) => {
    if (options.signal?.aborted) resolve();
    options.signal?.addEventListener('abort', () => resolve(), { once: true });
  });
  await stopped;
  await worker.stop();
}

interface Serving {
  readonly unit: UnitConfig;
  readonly names: ReturnType<typeof channelsOf>;
  readonly child: ChildProcess;
  readonly exited: Promise<void>;
  /** Resolves once the engine has been told of the end and the worker is free again. */
  readonly done: Promise<void>;
  killed: boolean;
  engineGone: boolean;
}

class QueueWorker {
  private readonly cmd: Redis;
  private readonly sub: Redis;
  private readonly id = `${hostname()}:${process.pid}`;
  private state: 'idle' | 'claiming' | 'serving' | 'stopping' = 'idle';
  private serving: Serving | undefined;
  private readonly refusedRuns = new Set<string>();
  private lostLogged = false;
  /** The next unit's process, started ahead of time and waiting for its unit (see unit-entry.ts). */
  private spare: ChildProcess | undefined;

  constructor(
    private readonly broker: string,
    private readonly prefix: string,
    private readonly log: (line: string) => void,
  ) {
    // Unlike the engine's, this worker's connections come back after the broker does: it serves many runs.
    const options = {
      lazyConnect: true,
      maxRetriesPerRequest: null,
      retryStrategy: (times: number) => Math.min(250 * 2 ** times, 5_000),
    };
    this.cmd = new Redis(broker, { ...options, connectionName: 'concur-worker' });
    this.sub = new Redis(broker, { ...options, connectionName: 'concur-worker-sub' });
    for (const redis of [this.cmd, this.sub]) {
      redis.on('error', () => {});
      redis.on('close', () => this.lost());
      redis.on('ready', () => this.regained());
    }
    this.sub.on('messageBuffer', (channel: Buffer, bytes: Buffer) => this.heard(channel.toString(), bytes));
  }

  async connect(): Promise<void> {
    try {
      await Promise.all([this.cmd.connect(), this.sub.connect()]);
    } catch {
      this.cmd.disconnect();
      this.sub.disconnect();
      throw new QueueWorkerInputError(
        noBroker(this.broker).replace('--option queue.broker=URL', '--broker URL'),
      );
    }
    await this.sub.subscribe(lobbyChannel(this.prefix));
    this.startSpare();
    this.log(
      `concur worker ${this.id}: waiting for runs at ${this.broker} (prefix ${this.prefix}, Node ${process.versions.node}); Ctrl-C stops it`,
    );
  }

  private lost(): void {
    if (this.state === 'stopping' || this.lostLogged) return;
    this.lostLogged = true;
    this.log(`concur worker ${this.id}: lost the broker at ${this.broker}; retrying`);
  }

  private regained(): void {
    if (!this.lostLogged || this.state === 'stopping') return;
    this.lostLogged = false;
    this.log(`concur worker ${this.id}: the broker is back; waiting for runs`);
  }

  private heard(channel: string, bytes: Buffer): void {
    if (channel === lobbyChannel(this.prefix)) {
      if (this.state === 'idle') void this.consider(decode<Invitation>(bytes));
      return;
    }
    const serving = this.serving;
    if (!serving || channel !== serving.names.ctl) return;
    const message = decode<ToSupervisor>(bytes);
    if (message.w === 'kill') this.kill(serving);
    else if (message.w === 'alive?' && serving.child.exitCode === null && serving.child.signalCode === null)
      this.tell(serving, { w: 'alive' });
  }

  private async consider(invitation: Invitation): Promise<void> {
    const { unit } = invitation;
    if (invitation.node !== nodeMajor()) {
      if (!this.refusedRuns.has(unit.run)) {
        this.refusedRuns.add(unit.run);
        this.log(
          `concur worker ${this.id}: not joining run ${unit.run}: its engine runs Node ${invitation.node}, this worker Node ${nodeMajor()}; values travel in V8's format, so use the same major`,
        );
      }
      return;
    }
    this.state = 'claiming';
    const names = channelsOf(unit);
    try {
      const won = await this.cmd.set(names.claim, this.id, 'PX', 10 * 60_000, 'NX');
      if (won !== 'OK') {
        this.state = 'idle';
        return;
      }
      await this.sub.subscribe(names.ctl);
    } catch {
      this.state = 'idle';
      return;
    }
    this.serve(unit, names);
  }

  private serve(unit: UnitConfig, names: ReturnType<typeof channelsOf>): void {
    // The spare started ahead has loaded everything already; it is told its unit. Without one, a fresh start.
    const spare = this.spare;
    this.spare = undefined;
    let child: ChildProcess;
    if (spare && spare.exitCode === null && spare.signalCode === null && spare.connected) {
      child = spare;
      child.send(unit);
    } else {
      spare?.kill('SIGKILL');
      child = fork(UNIT_ENTRY, [JSON.stringify(unit)], UNIT_STDIO);
    }
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    let finish: () => void = () => {};
    const done = new Promise<void>((resolve) => (finish = resolve));
    const serving: Serving = { unit, names, child, exited, done, killed: false, engineGone: false };
    this.serving = serving;
    this.state = 'serving';
    this.tell(serving, { w: 'joined', host: hostname(), pid: child.pid ?? -1 });
    this.log(
      `concur worker ${this.id}: serving unit ${unit.slot} of run ${unit.run} (pid ${child.pid}, task ${unit.task})`,
    );

    let printed = 0;
    let tail = '';
    const relay = (stream: 'stdout' | 'stderr') => (chunk: Buffer) => {
      const text = chunk.toString();
      if (stream === 'stderr') tail = (tail + text).slice(-TAIL_CHARS);
      if (printed > MAX_OUTPUT_BYTES) return;
      printed += chunk.length;
      this.tell(serving, { w: 'output', stream, text });
      if (printed > MAX_OUTPUT_BYTES)
        this.tell(serving, {
          w: 'output',
          stream: 'stderr',
          text: `\n[concur: this unit printed more than ${MAX_OUTPUT_BYTES} bytes; the rest of its output is dropped]\n`,
        });
    };
    child.stdout?.on('data', relay('stdout'));
    child.stderr?.on('data', relay('stderr'));
    const closed = Promise.all(
      [child.stdout, child.stderr].map((s) => (s ? new Promise((r) => s.once('close', r)) : undefined)),
    );
    const watch = setInterval(() => void this.checkEngine(serving), ENGINE_CHECK_MS);

    child.once('exit', (code, signal) => {
      clearInterval(watch);
      void Promise.race([closed, new Promise((r) => setTimeout(r, 250))]).then(async () => {
        this.tell(serving, { w: 'exit', code, signal, tail });
        await this.sub.unsubscribe(names.ctl).catch(() => {});
        // The engine removes the unit's keys once it hears of the end, but an engine that went away, or one that
        // gave up waiting for this worker on a loaded machine, is not there to see BullMQ's last writes; this
        // worker removes them too, after its unit's process is gone, so no key of the run is left.
        await removeKeys(this.cmd, names.keys).catch(() => {});
        const how = signal ? `killed by ${signal}` : `exited with code ${code}`;
        this.log(
          `concur worker ${this.id}: unit ${unit.slot} of run ${unit.run} ${serving.engineGone ? 'stopped: its engine went away' : code === 0 ? 'closed' : how}`,
        );
        this.serving = undefined;
        if (this.state === 'serving') this.state = 'idle';
        this.startSpare();
        finish();
      });
    });
  }

  private startSpare(): void {
    if (this.state === 'stopping' || this.spare) return;
    const spare = fork(UNIT_ENTRY, ['--spare'], UNIT_STDIO);
    spare.once('exit', () => {
      if (this.spare === spare) this.spare = undefined;
    });
    this.spare = spare;
  }

  /** The engine of the run listens on the unit's `from` channel; once nobody does, it is gone. */
  private async checkEngine(serving: Serving): Promise<void> {
    const answer = (await this.cmd.pubsub('NUMSUB', serving.names.from).catch(() => undefined)) as
      | [string, number]
      | undefined;
    if (answer === undefined || Number(answer[1]) > 0 || serving.engineGone) return;
    serving.engineGone = true;
    this.kill(serving);
  }

  private kill(serving: Serving): void {
    if (serving.killed) return;
    serving.killed = true;
    serving.child.kill('SIGTERM');
    const timer = setTimeout(() => serving.child.kill('SIGKILL'), KILL_GRACE_MS);
    void serving.exited.then(() => clearTimeout(timer));
  }

  private tell(serving: Serving, message: FromSupervisor): void {
    void this.cmd.publish(serving.names.from, encode(message)).catch(() => {});
  }

  async stop(): Promise<void> {
    const serving = this.serving;
    this.state = 'stopping';
    this.spare?.kill('SIGKILL');
    if (serving) {
      this.kill(serving);
      await Promise.race([serving.done, new Promise((resolve) => setTimeout(resolve, 3_000))]);
    }
    await Promise.all([this.cmd.quit(), this.sub.quit()]).catch(() => {
      this.cmd.disconnect();
      this.sub.disconnect();
    });
    this.log(`concur worker ${this.id}: stopped`);
  }
}
