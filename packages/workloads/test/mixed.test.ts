import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/index.js';
import { built } from './built.js';
import { runItems, valuesOf } from './run-items.js';

const { mixed, startServer } = built;
let server: RunningServer;

beforeAll(async () => {
  server = await startServer({ latencyMs: 5, bodyBytes: 3000 });
});

afterAll(async () => {
  await server.stop();
});

/** The checksum the task should compute, over the server's documented body: a…z repeated. */
function expectedChecksum(bytes: number, passes: number): number {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  let checksum = 0;
  for (let pass = 0; pass < passes; pass++)
    for (let i = 0; i < bytes; i++) checksum = (Math.imul(checksum, 31) + letters.charCodeAt(i % 26)) >>> 0;
  return checksum;
}

describe('mixed', () => {
  it('downloads the body, then returns its checksum over the passes', async () => {
    const params = Object.fromEntries(
      Object.entries(mixed.params).map(([name, spec]) => [name, spec.default]),
    );
    const inputs = await mixed.inputs({ ...params, items: 2, passes: 3 }, { server: { url: server.url } });
    expect(inputs).toEqual([0, 1].map(() => ({ url: server.url, keepAlive: true, passes: 3 })));
    const { outcomes, progress } = await runItems(mixed, inputs);
    const answer = { status: 200, bytes: 3000, checksum: expectedChecksum(3000, 3) };
    expect(valuesOf(outcomes)).toEqual([answer, answer]);
    expect(progress).toContain(1 / 3);
  });
});
