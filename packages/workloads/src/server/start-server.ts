/**
 * concur's loopback HTTP server: answers every GET after `latencyMs` with the same preallocated body, and
 * holds as many requests at once as the clients send (10,000 and more: no connection cap, a deep accept
 * backlog). GET /__stats answers at once with its own load, so a report can show when the server, not the
 * strategy under test, is the bottleneck.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { alphabetBody } from './body.js';

export interface ServerOptions {
  /** How long each request waits before its answer, in ms (default 100). */
  readonly latencyMs?: number;
  /** Size of each answer's body in bytes (default 1024). */
  readonly bodyBytes?: number;
  /**
   * Hold every request until this many are waiting at once, then answer them all (after `latencyMs`).
   * 0 (default) answers each on its own. Tests use it to prove the server holds N requests at once.
   */
  readonly holdUntil?: number;
}

/** The server's own figures, as GET /__stats reports them. CPU is this whole process's. */
export interface ServerStats {
  readonly pid: number;
  readonly uptimeMs: number;
  readonly cpuUserMs: number;
  readonly cpuSystemMs: number;
  /** Requests answered (or abandoned by their client), not counting /__stats. */
  readonly requests: number;
  readonly inFlight: number;
  readonly peakInFlight: number;
  readonly connections: number;
  readonly peakConnections: number;
}

export interface RunningServer {
  /** "http://127.0.0.1:41234/" */
  readonly url: string;
  readonly statsUrl: string;
  stats(): ServerStats;
  /** Stop listening, drop every connection and pending answer. Safe to call twice. */
  stop(): Promise<void>;
}

export const STATS_PATH = '/__stats';

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const latencyMs = checkedCount('latencyMs', options.latencyMs ?? 100);
  const body = alphabetBody(checkedCount('bodyBytes', options.bodyBytes ?? 1024));
  const holdUntil = checkedCount('holdUntil', options.holdUntil ?? 0);
  const headers = { 'content-type': 'text/plain', 'content-length': String(body.length) };
  const startedAt = performance.now();
  const cpuAtStart = process.cpuUsage();
  const timers = new Set<NodeJS.Timeout>();
  let held: Array<() => void> = [];
  const counts = { requests: 0, inFlight: 0, peakInFlight: 0, connections: 0, peakConnections: 0 };

  const stats = (): ServerStats => {
    const cpu = process.cpuUsage(cpuAtStart);
    return {
      pid: process.pid,
      uptimeMs: performance.now() - startedAt,
      cpuUserMs: cpu.user / 1000,
      cpuSystemMs: cpu.system / 1000,
      ...counts,
    };
  };

  const server = http.createServer((request, response) => {
    if (request.url === STATS_PATH) {
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(stats()));
      return;
    }
    counts.inFlight += 1;
    counts.peakInFlight = Math.max(counts.peakInFlight, counts.inFlight);
    let timer: NodeJS.Timeout | undefined;
    let settled = false;
    const settle = () => {
      if (settled) return;
      settled = true;
      counts.inFlight -= 1;
      counts.requests += 1;
      if (timer) timers.delete(timer);
    };
    const answer = () => {
      timer = setTimeout(() => {
        settle();
        response.writeHead(200, headers).end(body);
      }, latencyMs);
      timers.add(timer);
    };
    // A client that gives up frees its slot at once.
    response.on('close', () => {
      if (timer) clearTimeout(timer);
      settle();
    });
    if (holdUntil === 0) answer();
    else held.push(answer);
    if (holdUntil > 0 && held.length >= holdUntil) {
      const release = held;
      held = [];
      for (const go of release) go();
    }
  });
  server.on('connection', (socket) => {
    counts.connections += 1;
    counts.peakConnections = Math.max(counts.peakConnections, counts.connections);
    socket.on('close', () => {
      counts.connections -= 1;
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // Loopback only, a free port, and an accept queue deep enough for a burst of 10,000 connections (the
    // kernel may cap it at net.core.somaxconn).
    server.listen({ host: '127.0.0.1', port: 0, backlog: 16_384 }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}/`;

  let stopped: Promise<void> | undefined;
  return {
    url,
    statsUrl: new URL(STATS_PATH, url).href,
    stats,
    stop() {
      stopped ??= new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        held = [];
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return stopped;
    },
  };
}

function checkedCount(name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0)
    throw new RangeError(`http-server: \`${name}\` must be an integer ≥ 0, got ${JSON.stringify(value)}`);
  return value;
}
