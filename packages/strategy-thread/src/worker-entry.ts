/**
 * The worker side of a thread unit: import the task once (setup once), then run items as they arrive by
 * message. Progress goes into shared memory, never into a message.
 */
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import { getHeapStatistics } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import type { Failure, Outcome, TaskHost } from '@concur/core';
import type { FromWorker, ItemResult, ToWorker, WorkerData, WorkerFigures } from './messages.js';
import { ownThreadCpu, ownThreadId } from './thread-cpu.js';

if (!parentPort)
  throw new Error('worker-entry.js is the worker of @concur/strategy-thread; start it with new Worker()');
const port = parentPort;
const data = workerData as WorkerData;
// Start importing the task while core's unit-side modules load: two waits become one. TaskHost imports it again (from
// the module cache) and reports any error properly, so a failure here is ignored.
const preloaded = import(isAbsolute(data.task) ? pathToFileURL(data.task).href : data.task).catch(() => {});
// Only the unit side of core (`@concur/core/runtime`): its main entry would load the engine, reports and
// discovery into every worker and make start-up much slower.
const { TaskHost: Host, MessageBatch, ProgressCell, describeError } = await import('@concur/core/runtime');
await preloaded;
const cell = new ProgressCell(data.progressBuffer, data.progressIndex);
const send = (message: FromWorker, transfer?: ArrayBuffer[]) => port.postMessage(message, transfer);

/** Results go back one message per turn of the loop: a postMessage wakes the main thread each time. */
const replies = new MessageBatch<Reply>(
  (batch) =>
    send(
      { t: 'results', results: batch.map((r) => r.result) },
      batch.flatMap((r) => r.transfer ?? []),
    ),
  ({ result, transfer }, error) => {
    // A buffer that may not be moved can still be copied; anything else is not cloneable at all.
    if (transfer) {
      try {
        send({ t: 'results', results: [result] });
        return;
      } catch {}
    }
    send({
      t: 'results',
      results: [{ t: 'fail', id: result.id, error: notCloneable(error), ms: result.ms }],
    });
  },
  setImmediate,
);
// An uncaught exception ends this thread: what already settled is reported as done, not lost with it.
process.on('uncaughtExceptionMonitor', () => replies.flush());

const host = await Host.open(data.task, data.unit, (fraction) => cell.set(fraction)).catch((error) => {
  send({ t: 'setup-failed', error: describeError(error) });
  return undefined;
});

if (host) {
  port.on('message', (message: ToWorker) => {
    switch (message.t) {
      case 'run':
        for (const { id, input } of message.items)
          void host.run({ index: id, input }).then((outcome) => reply(id, outcome));
        break;
      case 'figures':
        send({ t: 'figures', figures: figures() });
        break;
      case 'close':
        void close(host);
        break;
    }
  });
  send({ t: 'ready', tid: ownThreadId() });
} else {
  // Setup failed and was reported; let the thread end.
  port.close();
}
/** A result on its way back, with the buffer it may move instead of copying. */
interface Reply {
  readonly result: ItemResult;
  readonly transfer: ArrayBuffer[] | undefined;
}

function reply(id: number, outcome: Outcome): void {
  replies.add(
    outcome.ok
      ? {
          result: { t: 'ok', id, value: outcome.value, ms: outcome.serviceMs },
          transfer: transferable(outcome.value),
        }
      : { result: { t: 'fail', id, error: outcome.error, ms: outcome.serviceMs }, transfer: undefined },
  );
}

/** An output that is a whole ArrayBuffer (or a view over all of one) moves instead of being copied. */
function transferable(value: unknown): ArrayBuffer[] | undefined {
  if (value instanceof ArrayBuffer) return [value];
  if (
    ArrayBuffer.isView(value) &&
    value.buffer instanceof ArrayBuffer &&
    value.byteOffset === 0 &&
    value.byteLength === value.buffer.byteLength
  )
    return [value.buffer];
  return undefined;
}

function notCloneable(error: unknown): Failure {
  const why = error instanceof Error ? error.message.split('\n')[0] : String(error);
  return {
    kind: 'not-cloneable',
    message: `the task's output could not be sent to the main thread (${why}); return plain data: no functions, class instances with private state, or handles`,
  };
}

function figures(): WorkerFigures {
  const cpu = ownThreadCpu();
  const heapUsedBytes = getHeapStatistics().used_heap_size;
  return cpu ? { heapUsedBytes, cpu } : { heapUsedBytes };
}

async function close(host: TaskHost): Promise<void> {
  let teardownError: string | undefined;
  try {
    await host.close();
  } catch (error) {
    teardownError = describeError(error).message;
  }
  replies.flush(); // every result before the last word
  send(
    teardownError ? { t: 'closed', figures: figures(), teardownError } : { t: 'closed', figures: figures() },
  );
  port.close();
}
