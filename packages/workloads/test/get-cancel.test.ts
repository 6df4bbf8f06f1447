// The download's cancellation: wired to the item's signal only for a request that is still running after
// half of WIRE_CANCEL_AFTER_MS (one sweep timer serves all requests), so a quick answer never pays for it,
// and a hanging request is still cancelled.

import type { AddressInfo } from 'node:net';
import { createServer, type Server, type Socket } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type * as Get from '../src/client/get.js';
import { built, distUrl } from './built.js';

const { get, closeConnections, WIRE_CANCEL_AFTER_MS } = (await import(
  distUrl('client/get.js')
)) as typeof Get;

/** A TCP server that accepts connections and never answers; it remembers whether each was closed. */
let silent: Server;
const sockets: Socket[] = [];
const closed = new Set<Socket>();
let silentUrl = '';
let answering: Awaited<ReturnType<typeof built.startServer>>;

beforeAll(async () => {
  silent = createServer((socket) => {
    sockets.push(socket);
    socket.on('error', () => {});
    socket.on('close', () => closed.add(socket));
    socket.resume(); // read the request, and so see the client hang up
  });
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  silentUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/`;
  answering = await built.startServer({ latencyMs: 0, bodyBytes: 10 });
});

afterAll(async () => {
  closeConnections();
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => silent.close(resolve));
  await answering.stop();
});

describe('get', () => {
  it('never reads the signal for a request that answers in time', async () => {
    const read = vi.fn(() => new AbortController().signal);
    const result = await get(
      { url: answering.url, keepAlive: true },
      {
        get signal() {
          return read();
        },
      },
    );
    expect(result.body).toHaveLength(10);
    await new Promise((resolve) => setTimeout(resolve, WIRE_CANCEL_AFTER_MS + 200));
    expect(read).not.toHaveBeenCalled();
  });

  it('lets go of what a settled request held while the sweep still remembers it', async () => {
    // The sweep keeps every download up to a period; one that kept its request (and so its response and
    // socket buffers) that long made the collector copy thousands of them at 1,000 requests in flight.
    setFlagsFromString('--expose-gc');
    const collect = runInNewContext('gc') as () => void;
    let item: { signal: AbortSignal } | undefined = { signal: new AbortController().signal };
    const held = new WeakRef(item);
    await get({ url: answering.url, keepAlive: true }, item);
    item = undefined;
    await new Promise((resolve) => setImmediate(resolve));
    collect();
    expect(held.deref()).toBeUndefined();
  });

  it('cancels a hanging request once its signal is aborted, and closes its connection', async () => {
    const controller = new AbortController();
    const started = performance.now();
    const request = get({ url: silentUrl, keepAlive: false }, controller);
    setTimeout(() => controller.abort(new Error('item killed')), 50);
    await expect(request).rejects.toThrow('item killed');
    expect(performance.now() - started).toBeLessThan(WIRE_CANCEL_AFTER_MS + 1_000);
    const socket = sockets.at(-1);
    expect(socket).toBeDefined();
    await vi.waitFor(() => expect(closed.has(socket as Socket)).toBe(true));
  });

  it('cancels a request that hangs past the wiring as soon as its signal is aborted', async () => {
    const controller = new AbortController();
    const request = get({ url: silentUrl, keepAlive: false }, controller);
    await new Promise((resolve) => setTimeout(resolve, WIRE_CANCEL_AFTER_MS + 100));
    const abortedAt = performance.now();
    controller.abort(new Error('timed out'));
    await expect(request).rejects.toThrow('timed out');
    expect(performance.now() - abortedAt).toBeLessThan(200);
  });
});
