/**
 * The engine's side of the broker: two connections per broker URL, shared by every unit of the run — one for
 * commands (BullMQ's queues, publishing), one subscribed to every unit's `from` channel — opened with the
 * first unit and closed with the last, so the engine process ends once its run has. A connection that drops
 * is not retried: a result published while it was down would be lost, so every unit on it is told at once.
 */
import { Redis, type RedisOptions } from 'ioredis';
import { decode, type FromAnySide } from './protocol.js';

/** How long a connection attempt may take before the broker counts as absent. */
const CONNECT_TIMEOUT_MS = 1_500;

/** The line `unavailable` gives, and a unit that cannot reach its broker fails with. */
export const noBroker = (url: string, why?: string): string =>
  `no Redis at ${url}${why ? ` (${why})` : ''}: start one or pass --option queue.broker=URL`;

/** A connection that fails fast: nothing queued while it is down, no reconnection. */
function connection(url: string, extra: RedisOptions = {}): Redis {
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: CONNECT_TIMEOUT_MS,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    // A BullMQ worker checks the version itself; nothing here needs the ready check's INFO round trip.
    enableReadyCheck: false,
    ...extra,
  });
  // Errors are reported where they matter (a failed connect, a dropped link); an unheard 'error' would throw.
  // The first one is kept: a failed connect rejects with "Connection is closed", the cause is in the event.
  redis.on('error', (error: Error) => {
    firstErrors.set(redis, firstErrors.get(redis) ?? error);
  });
  return redis;
}

const firstErrors = new WeakMap<Redis, Error>();

/** Why a connection attempt failed, in a few words: "connection refused", "timed out". */
function whyNot(redis: Redis, thrown: unknown): string {
  const error = firstErrors.get(redis) ?? thrown;
  const code = (error as { code?: unknown }).code;
  // Nothing listens there: the common case, and the line says enough without a cause.
  if (code === 'ECONNREFUSED') return '';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'host not found';
  const message = error instanceof Error ? error.message : String(error);
  if (/RESP|Protocol error/i.test(message)) return 'what answers there is not Redis';
  return /timeout|timed out/i.test(message) ? 'no answer in time' : message.split('\n')[0] || 'no answer';
}

/** Connect and PING; the one line saying why not, or undefined when a Redis answers. */
export async function probe(url: string): Promise<string | undefined> {
  const redis = connection(url);
  try {
    await redis.connect();
    const pong = await redis.ping();
    return pong === 'PONG' ? undefined : noBroker(url, `it answered PING with ${pong}`);
  } catch (error) {
    return noBroker(url, whyNot(redis, error));
  } finally {
    redis.disconnect();
  }
}

type Listener = (message: FromAnySide) => void;

export class BrokerLink {
  readonly commands: Redis;
  private readonly subscriber: Redis;
  private readonly listeners = new Map<string, Listener>();
  private readonly lostListeners = new Set<(reason: string) => void>();
  private users = 0;
  private closing = false;
  private lostReason: string | undefined;

  private constructor(readonly url: string) {
    this.commands = connection(url, { connectionName: 'concur-engine' });
    this.subscriber = connection(url, { connectionName: 'concur-engine-sub' });
    this.subscriber.on('messageBuffer', (channel: Buffer, bytes: Buffer) => {
      const listener = this.listeners.get(channel.toString());
      if (listener) listener(decode<FromAnySide>(bytes));
    });
    for (const redis of [this.commands, this.subscriber])
      redis.on('end', () => this.lost(`the broker at ${url} went away (its connection closed)`));
  }

  static async open(url: string): Promise<BrokerLink> {
    const link = new BrokerLink(url);
    try {
      await Promise.all([link.commands.connect(), link.subscriber.connect()]);
    } catch (error) {
      link.closing = true;
      link.commands.disconnect();
      link.subscriber.disconnect();
      throw new Error(noBroker(url, whyNot(link.commands, error)));
    }
    return link;
  }

  /** Why the link is gone, once it is. */
  get lostBecause(): string | undefined {
    return this.lostReason;
  }

  /** Hear a unit's `from` channel; resolves once Redis has confirmed the subscription. */
  async listen(channel: string, listener: Listener): Promise<void> {
    this.listeners.set(channel, listener);
    await this.subscriber.subscribe(channel);
  }

  async unlisten(channel: string): Promise<void> {
    this.listeners.delete(channel);
    if (!this.lostReason) await this.subscriber.unsubscribe(channel).catch(() => {});
  }

  /**
   * Resolves once every message Redis had sent on the subscriber connection before now has been delivered
   * (a PING's answer comes after them): a unit process that published and then exited is heard out first.
   */
  async heardOut(): Promise<void> {
    if (!this.lostReason) await this.subscriber.ping().catch(() => {});
  }

  onLost(listener: (reason: string) => void): () => void {
    this.lostListeners.add(listener);
    return () => this.lostListeners.delete(listener);
  }

  private lost(reason: string): void {
    if (this.closing || this.lostReason) return;
    this.lostReason = reason;
    for (const listener of [...this.lostListeners]) listener(reason);
    this.commands.disconnect();
    this.subscriber.disconnect();
  }

  /** Whether a unit may still take the link: neither closing nor lost. */
  get usable(): boolean {
    return !this.closing && this.lostReason === undefined;
  }

  /** One more unit uses the link. */
  retain(): void {
    this.users += 1;
  }

  /** A unit is done with the link; the last one closes it. */
  async release(): Promise<void> {
    this.users -= 1;
    if (this.users > 0 || this.closing) return;
    this.closing = true;
    if (this.lostReason) return;
    await Promise.all([this.commands.quit(), this.subscriber.quit()]).catch(() => {
      this.commands.disconnect();
      this.subscriber.disconnect();
    });
  }
}

const links = new Map<string, Promise<BrokerLink>>();

/** The link to `url`, opened by the first unit that needs it; rejects with the no-broker line. */
export async function acquireLink(url: string): Promise<BrokerLink> {
  const open = links.get(url);
  if (open) {
    const link = await open.catch(() => undefined);
    // Checked and retained in one step: a link closes only in `release`, which runs on this same thread.
    if (link?.usable) {
      link.retain();
      return link;
    }
  }
  const opening = BrokerLink.open(url);
  links.set(url, opening);
  opening.catch(() => {
    if (links.get(url) === opening) links.delete(url);
  });
  const link = await opening;
  link.retain();
  return link;
}
