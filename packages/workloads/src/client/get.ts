/**
 * One HTTP GET with node:http(s), shared by the tasks that download. Agents live as long as the task
 * module in a unit: one that keeps connections alive for reuse, one that opens a fresh connection per
 * request (as the article's `requests.get` does). Neither caps sockets, so 10,000 requests in flight
 * really are 10,000 connections.
 */
import * as http from 'node:http';
import type * as Https from 'node:https';
import { createRequire } from 'node:module';
import { LateWiring, type Wireable } from './late-wiring.js';

export interface GetInput {
  readonly url: string;
  /** Reuse connections between requests (an agent with keep-alive). */
  readonly keepAlive: boolean;
}

export interface GetResult {
  readonly status: number;
  readonly body: Buffer;
}

interface Client {
  readonly get: typeof http.get;
  readonly reuse: http.Agent;
  readonly fresh: http.Agent;
}

const clientOf = (module: typeof http | typeof Https): Client => ({
  get: module.get,
  reuse: new module.Agent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY }),
  fresh: new module.Agent({ keepAlive: false, maxSockets: Number.POSITIVE_INFINITY }),
});

const clients: { 'http:': Client; 'https:'?: Client } = { 'http:': clientOf(http) };

/**
 * node:https (and TLS with it) is loaded on the first https:// request: a unit's start-up counts in the
 * wall time, and most runs GET concur's own http:// server.
 */
function clientFor(scheme: 'http:' | 'https:'): Client {
  if (scheme === 'http:') return clients['http:'];
  clients['https:'] ??= clientOf(createRequire(import.meta.url)('node:https') as typeof Https);
  return clients['https:'];
}

/**
 * How long a request may run before it is wired to its item's signal. The wiring (an AbortController for
 * the item and a listener on it) costs about a third more client CPU than a loopback request itself, and
 * only a request that hangs ever needs cancelling: so a request that answers within half this time never
 * pays for it, and one that hangs is cancelled at most this late.
 */
export const WIRE_CANCEL_AFTER_MS = 1_000;

const lateWiring = new LateWiring(WIRE_CANCEL_AFTER_MS);

/** What can cancel a request: a task's `ctx`, whose `signal` is read only when the request is wired. */
export interface Cancellable {
  readonly signal: AbortSignal;
}

/**
 * GET `url`; resolves with the status and the whole body, rejects on a network error or once the signal
 * of `item` is aborted (read only for a request still running after half WIRE_CANCEL_AFTER_MS).
 */
export function get({ url, keepAlive }: GetInput, item: Cancellable): Promise<GetResult> {
  const target = new URL(url);
  const client = clientFor(target.protocol === 'https:' ? 'https:' : 'http:');
  const agent = keepAlive ? client.reuse : client.fresh;
  return new Promise((resolve, reject) => {
    const download = new Download(item, reject);
    download.request = client.get(target, { agent }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        download.settle();
        resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks) });
      });
      response.on('error', download.fail);
    });
    download.request.on('error', download.fail);
    lateWiring.add(download);
  });
}

/**
 * One request's cancellation state, as one object rather than a closure per concern. It lets go of the
 * request, the item and the promise the moment the request settles: the wiring sweep holds every
 * download for up to a period, and a settled one that still held its request would keep the request, its
 * response and its socket's buffers alive that long (8,000 of them at 1,000 in flight), for the garbage
 * collector to copy and promote.
 */
class Download implements Wireable {
  settled = false;
  request: http.ClientRequest | undefined;
  private signal: AbortSignal | undefined;
  private onAbort: (() => void) | undefined;

  constructor(
    private item: Cancellable | undefined,
    private reject: ((error: Error) => void) | undefined,
  ) {}

  wire(): void {
    const signal = this.item?.signal;
    if (!signal) return;
    const cancel = () => this.request?.destroy(signal.reason);
    if (signal.aborted) {
      cancel();
      return;
    }
    this.signal = signal;
    this.onAbort = cancel;
    signal.addEventListener('abort', cancel, { once: true });
  }

  settle(): void {
    this.settled = true;
    if (this.onAbort) this.signal?.removeEventListener('abort', this.onAbort);
    this.request = undefined;
    this.signal = undefined;
    this.onAbort = undefined;
    this.item = undefined;
    this.reject = undefined;
  }

  readonly fail = (error: Error): void => {
    const reject = this.reject;
    this.reject = undefined;
    this.settle();
    reject?.(error);
  };
}

/** Close idle kept-alive connections, so a closing unit leaves no socket behind. */
export function closeConnections(): void {
  for (const client of Object.values(clients)) {
    client.reuse.destroy();
    client.fresh.destroy();
  }
}
