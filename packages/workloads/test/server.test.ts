import { type ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';
import * as http from 'node:http';
import { defineService, type Service } from '@concur/core';
import { describe, expect, it } from 'vitest';
import type { ServerStats } from '../src/index.js';
import { built, distUrl } from './built.js';

const { startServer } = built;

/** One GET with a fresh connection; resolves with the status and the body. */
function get(url: string, agent?: http.Agent): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent: agent ?? false }, (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      })
      .on('error', reject);
  });
}

describe('the loopback server', () => {
  it('answers with the configured body, binds 127.0.0.1 and reports its own load', async () => {
    const server = await startServer({ latencyMs: 1, bodyBytes: 30 });
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      const answer = await get(server.url);
      expect(answer).toEqual({ status: 200, body: 'abcdefghijklmnopqrstuvwxyzabcd' });
      const stats = JSON.parse((await get(server.statsUrl)).body) as ServerStats;
      expect(stats).toMatchObject({ pid: process.pid, requests: 1, inFlight: 0, peakInFlight: 1 });
      expect(stats.cpuUserMs + stats.cpuSystemMs).toBeGreaterThan(0);
    } finally {
      await server.stop();
    }
  });

  it('stops listening and drops waiting requests when stopped', async () => {
    const server = await startServer({ latencyMs: 60_000 });
    const waiting = get(server.url).catch((error: NodeJS.ErrnoException) => error.code);
    while (server.stats().inFlight === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    await server.stop();
    await server.stop();
    expect(await waiting).toBe('ECONNRESET');
    expect(await get(server.url).catch((error: NodeJS.ErrnoException) => error.code)).toBe('ECONNREFUSED');
  });

  it('rejects a bad option with a message naming it', async () => {
    await expect(startServer({ latencyMs: -1 })).rejects.toThrow(
      '`latencyMs` must be an integer ≥ 0, got -1',
    );
  });

  it('is a concur service module whose info carries the url', async () => {
    const service = ((await import(distUrl('server/service.js'))) as { default: Service }).default;
    expect(defineService(service).name).toBe('http-server');
    const started = await service.start({ latencyMs: 0, bodyBytes: 5 });
    try {
      expect(started.info).toMatchObject({
        url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:/),
        pid: process.pid,
      });
      expect(await get(String(started.info.url))).toEqual({ status: 200, body: 'abcde' });
    } finally {
      await started.stop();
    }
  });

  it('holds 10,000 requests at once in its own process, answers them all, and stops cleanly', async () => {
    const concurrent = 10_000;
    // holdUntil: the server answers nothing until all 10,000 wait at once, so finishing proves it held them.
    const child: ChildProcess = fork(new URL('./fixtures/serve.mjs', import.meta.url), [
      JSON.stringify({ latencyMs: 100, bodyBytes: 64, holdUntil: concurrent }),
    ]);
    try {
      const [ready] = (await once(child, 'message')) as [{ url: string; statsUrl: string }];
      const agent = new http.Agent({ keepAlive: false, maxSockets: Number.POSITIVE_INFINITY });
      const answers = await Promise.all(Array.from({ length: concurrent }, () => get(ready.url, agent)));
      expect(answers.filter((a) => a.status === 200 && a.body.length === 64)).toHaveLength(concurrent);
      const stats = JSON.parse((await get(ready.statsUrl)).body) as ServerStats;
      expect(stats).toMatchObject({ requests: concurrent, inFlight: 0, peakInFlight: concurrent });
      expect(stats.pid).toBe(child.pid);

      child.send('stop');
      const [stopped] = (await once(child, 'message')) as [{ stopped: boolean }];
      expect(stopped.stopped).toBe(true);
      const [code] = await once(child, 'exit');
      expect(code).toBe(0);
      expect(await get(ready.url).catch((error: NodeJS.ErrnoException) => error.code)).toBe('ECONNREFUSED');
    } finally {
      child.kill();
    }
  }, 120_000);
});
