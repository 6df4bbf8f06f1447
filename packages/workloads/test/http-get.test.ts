import { InputError } from '@concur/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/index.js';
import { built } from './built.js';
import { runItems, valuesOf } from './run-items.js';

const { httpGet, articleIo, c10k, startServer } = built;
const defaults = (workload: typeof httpGet) =>
  Object.fromEntries(Object.entries(workload.params).map(([name, spec]) => [name, spec.default]));

let server: RunningServer;

beforeAll(async () => {
  server = await startServer({ latencyMs: 10, bodyBytes: 1234 });
});

afterAll(async () => {
  await server.stop();
});

describe('http-get', () => {
  it('GETs the started server and returns the status and body length, with and without keep-alive', async () => {
    for (const keepAlive of [true, false]) {
      const params = { ...defaults(httpGet), items: 3, keepAlive };
      expect(httpGet.services?.server?.options?.(params)).toEqual({ latencyMs: 100, bodyBytes: 1024 });
      const inputs = await httpGet.inputs(params, { server: { url: server.url } });
      expect(inputs).toEqual([0, 1, 2].map(() => ({ url: server.url, keepAlive })));
      const { outcomes } = await runItems(httpGet, inputs);
      expect(valuesOf(outcomes)).toEqual([0, 1, 2].map(() => ({ status: 200, bytes: 1234 })));
    }
  });

  it('GETs a URL of the user instead, without starting the server', async () => {
    const url = new URL('/any/path?x=1', server.url).href;
    const params = { ...defaults(httpGet), items: 1, url };
    expect(httpGet.services?.server?.options?.(params)).toBeUndefined();
    const inputs = await httpGet.inputs(params, {});
    expect(inputs).toEqual([{ url, keepAlive: true }]);
    const { outcomes } = await runItems(httpGet, inputs);
    expect(valuesOf(outcomes)).toEqual([{ status: 200, bytes: 1234 }]);
  });

  it('rejects a url that is not http(s) with a one-line InputError', async () => {
    for (const url of ['not a url', 'ftp://127.0.0.1/']) {
      const params = { ...defaults(httpGet), url };
      const error = await Promise.resolve()
        .then(() => httpGet.inputs(params, {}))
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InputError);
      expect((error as Error).message).toBe(
        `--param url must be an http:// or https:// URL, got ${JSON.stringify(url)}`,
      );
    }
  });

  it('fails the item, as a value, when nothing listens', async () => {
    const closed = await startServer({ latencyMs: 0 });
    await closed.stop();
    const { outcomes } = await runItems(httpGet, [{ url: closed.url, keepAlive: false }]);
    expect(outcomes[0]).toMatchObject({ ok: false, error: { kind: 'threw' } });
    expect(outcomes[0]?.ok === false && outcomes[0].error.message).toContain('ECONNREFUSED');
  });

  it('has the presets of the article: 5 GETs, and 10,000 at 100 ms', async () => {
    const url = { server: { url: server.url } };
    expect(await articleIo.inputs(defaults(articleIo), url)).toHaveLength(5);
    expect(await c10k.inputs(defaults(c10k), url)).toHaveLength(10_000);
    expect(c10k.params.latencyMs?.default).toBe(100);
    expect(c10k.task).toBe(httpGet.task);
  });
});
