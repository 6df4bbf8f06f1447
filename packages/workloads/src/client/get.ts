/**
 * One HTTP GET with node:http(s), shared by the tasks that download. Agents live as long as the task
 * module in a unit: one that keeps connections alive for reuse, one that opens a fresh connection per
 * request (as the article's `requests.get` does). Neither caps sockets, so 10,000 requests in flight
 * really are 10,000 connections.
 */
import * as http from 'node:http';
import * as https from 'node:https';

export interface GetInput {
  readonly url: string;
  /** Reuse connections between requests (an agent with keep-alive). */
  readonly keepAlive: boolean;
}

export interface GetResult {
  readonly status: number;
  readonly body: Buffer;
}

const agents = {
  'http:': {
    reuse: new http.Agent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY }),
    fresh: new http.Agent({ keepAlive: false, maxSockets: Number.POSITIVE_INFINITY }),
  },
  'https:': {
    reuse: new https.Agent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY }),
    fresh: new https.Agent({ keepAlive: false, maxSockets: Number.POSITIVE_INFINITY }),
  },
};

/** GET `url`; resolves with the status and the whole body, rejects on a network error or an abort. */
export function get({ url, keepAlive }: GetInput, signal: AbortSignal): Promise<GetResult> {
  const target = new URL(url);
  const scheme = target.protocol === 'https:' ? 'https:' : 'http:';
  const agent = agents[scheme][keepAlive ? 'reuse' : 'fresh'];
  const client = scheme === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.get(target, { agent, signal }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks) }));
      response.on('error', reject);
    });
    request.on('error', reject);
  });
}

/** Close idle kept-alive connections, so a closing unit leaves no socket behind. */
export function closeConnections(): void {
  for (const pair of Object.values(agents)) {
    pair.reuse.destroy();
    pair.fresh.destroy();
  }
}
