// The I/O workloads' Python twins on real Python units: sleep, fs-read and http-get (against concur's own
// loopback server) answer as Node's tasks do, on threads (blocking calls) and on asyncio (coroutines).
import { runBaseline, runStrategy } from '@concur/core/orchestrate';
import { fsRead, httpGet, sleep, startServer } from '@concur/workloads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pythonAsyncio from '../src/asyncio.js';
import pythonProcess from '../src/process.js';
import pythonThread from '../src/thread.js';
import { pythonMissing } from './python-found.js';

const strategies = [pythonProcess, pythonThread, pythonAsyncio];
let server: Awaited<ReturnType<typeof startServer>>;
beforeAll(async () => {
  server = await startServer({ latencyMs: 20, bodyBytes: 700 });
});
afterAll(() => server.stop());

async function sameAsNode(workload: typeof sleep, inputs: readonly unknown[]) {
  const node = await runBaseline({ task: workload.task, inputs, keepValues: true });
  expect(node.failures).toEqual([]);
  for (const strategy of strategies) {
    const python = await runStrategy({
      strategy,
      task: workload.tasks?.python ?? '',
      inputs,
      concurrency: 2,
      keepValues: true,
    });
    expect(python.failures, strategy.meta.name).toEqual([]);
    expect(python.values, strategy.meta.name).toEqual(node.values);
  }
}

describe.skipIf(pythonMissing)('the I/O twins', () => {
  it('sleep waits and returns its input', () => sameAsNode(sleep, [5, 30, 0, 12]));

  it('fs-read writes, reads back and returns the same file contents', () =>
    sameAsNode(
      fsRead,
      [0, 1, 2].map((index) => ({ index, bytes: 100 + index * 1000 })),
    ));

  it('http-get fetches the status and the body length, with and without kept-alive connections', () =>
    sameAsNode(
      httpGet,
      [true, true, false, true, false, true].map((keepAlive) => ({ url: server.url, keepAlive })),
    ));
});
