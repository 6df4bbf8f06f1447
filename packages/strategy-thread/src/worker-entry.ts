/**
 * The worker side of a thread unit: the unit kit's `serveUnit` over this thread's message port. Progress
 * goes into shared memory, never into a message.
 */
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import { getHeapStatistics } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import type { UnitSample } from '@concur/core/runtime';
import type { WorkerData } from './worker-data.js';

if (!parentPort)
  throw new Error('worker-entry.js is the worker of @concur/strategy-thread; start it with new Worker()');
const port = parentPort;
const data = workerData as WorkerData;
// Start importing the task while core's unit kit loads: two waits become one. The kit imports it again
// (from the module cache) and reports any error properly, so a failure here is ignored.
const preloaded = import(isAbsolute(data.task) ? pathToFileURL(data.task).href : data.task).catch(() => {});
// Only the unit side of core (`@concur/core/runtime`): its main entry would load the engine, reports and
// discovery into every worker and make start-up much slower.
const { ProgressCell, serveUnit, ownThreadCpu, ownThreadId } = await import('@concur/core/runtime');
await preloaded;
const cell = new ProgressCell(data.progressBuffer, data.progressIndex);

await serveUnit(
  {
    send: (message, transfer) => port.postMessage(message, transfer),
    listen: (handler) => port.on('message', handler),
    peer: 'the main thread',
    progress: (fraction) => cell.set(fraction),
    figures,
    readyInfo: ownThreadId(),
    transfer: true,
    // The last word is sent; closing the port lets the thread end with nothing left to do.
    end: () => port.close(),
  },
  { task: data.task, unit: data.unit },
);

/** What only the worker itself can measure: its isolate's heap, and its CPU time where /proc is not readable. */
function figures(): UnitSample {
  const cpu = ownThreadCpu();
  return {
    scope: 'thread',
    heapUsedBytes: getHeapStatistics().used_heap_size,
    ...(cpu && { cpuUserMs: cpu.userMs, cpuSystemMs: cpu.systemMs }),
  };
}
