// An https:// URL goes through node:https (loaded on first use): against a loopback server with a
// self-signed certificate, the download fails the TLS check rather than being sent as plain HTTP.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type * as Get from '../src/client/get.js';
import { distUrl } from './built.js';

const { get, closeConnections } = (await import(distUrl('client/get.js'))) as typeof Get;
const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));

let server: Server;
let url = '';
let requests = 0;

beforeAll(async () => {
  server = createServer(
    { key: fixture('loopback-key.pem'), cert: fixture('loopback-cert.pem') },
    (_, res) => {
      requests += 1;
      res.end('secret');
    },
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `https://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});

afterAll(async () => {
  closeConnections();
  await new Promise((resolve) => server.close(resolve));
});

it('speaks TLS to an https:// URL, and checks the certificate', async () => {
  await expect(get({ url, keepAlive: true }, new AbortController())).rejects.toMatchObject({
    code: 'DEPTH_ZERO_SELF_SIGNED_CERT',
  });
  expect(requests).toBe(0);
});
