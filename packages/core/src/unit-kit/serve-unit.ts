/**
 * The unit side of a channel unit, written once for every Node runtime a unit can live in (a worker
 * thread, a child process, a worker behind a broker): import the task and set it up, run the items that
 * arrive, send results back batched, report a task's uncaught exception without losing what had settled,
 * and on close run the teardown and say goodbye with the final figures.
 */
import type { Outcome, UnitSample } from '../contract/strategy.js';
import type { TaskRef } from '../contract/task.js';
import { describeError } from './describe-error.js';
import { MessageBatch } from './message-batch.js';
import { TaskHost } from './task-host.js';
import type { FromUnit, ItemResult, ToUnit } from './wire.js';

/** What a transport gives the unit side. */
export interface UnitEndpoint {
  /** Send to the main side. Throw synchronously when the message cannot be serialised. */
  send(message: FromUnit, transfer?: ArrayBuffer[]): void;
  /** Deliver every message from the main side to `handler`. */
  listen(handler: (message: ToUnit) => void): void;
  /** Where results go, for the line of a result that cannot travel: "the main thread", "the engine". */
  readonly peer: string;
  /** How the current item's progress reaches the main side (a shared cell, or throttled messages). */
  progress(fraction: number): void;
  /** This unit's own figures now. */
  figures(): UnitSample;
  /** Sent with `ready` (a thread's OS id, say). */
  readonly readyInfo?: unknown;
  /** Whether an output that is a whole ArrayBuffer may move instead of being copied. */
  readonly transfer?: boolean;
  /** End this unit once its last word is sent: 0 after a close, 1 after a failed setup. */
  end(code: number): void;
}

export interface ServeOptions {
  readonly task: TaskRef;
  /** The unit's slot number, given to the task's setup and every item's ctx. */
  readonly unit: number;
}

/** A result on its way back, with the buffer it may move instead of copying. */
interface Reply {
  readonly result: ItemResult;
  readonly transfer: ArrayBuffer[] | undefined;
}

/** Serve one unit until it is closed. Resolves once it is ready (or has reported a failed setup). */
export async function serveUnit(endpoint: UnitEndpoint, { task, unit }: ServeOptions): Promise<void> {
  const notCloneable = (error: unknown): string =>
    `the task's output cannot be sent back to ${endpoint.peer} (${describeError(error).message}); return plain data: no functions, class instances with private state, or handles`;

  // Results go back one message per turn of the loop: with many items in flight, a message per result
  // would cost more than a loopback request itself.
  const replies = new MessageBatch<Reply>(
    (batch) =>
      endpoint.send(
        { t: 'results', results: batch.map((reply) => reply.result) },
        batch.flatMap((reply) => reply.transfer ?? []),
      ),
    ({ result, transfer }, error) => {
      // A buffer that may not be moved can still be copied; anything else cannot travel at all.
      if (transfer)
        try {
          endpoint.send({ t: 'results', results: [result] });
          return;
        } catch {}
      endpoint.send({
        t: 'results',
        results: [
          {
            id: result.id,
            ok: false,
            error: { kind: 'not-cloneable', message: notCloneable(error) },
            ms: result.ms,
          },
        ],
      });
    },
    setImmediate,
  );

  // An uncaught exception ends this unit: what already settled is reported as done, not lost with it, and
  // the main side learns which exception it was before the end is seen.
  process.on('uncaughtExceptionMonitor', (error) => {
    replies.flush();
    try {
      endpoint.send({ t: 'fatal', message: `uncaught ${describeError(error).message}` });
    } catch {}
  });

  const host = await TaskHost.open(task, unit, (fraction) => endpoint.progress(fraction)).catch(
    (error: unknown) => {
      endpoint.send({ t: 'setup-failed', error: describeError(error) });
      endpoint.end(1);
      return undefined;
    },
  );
  if (!host) return;

  const reply = (id: number, outcome: Outcome): void =>
    replies.add(
      outcome.ok
        ? {
            result: { id, ok: true, value: outcome.value, ms: outcome.serviceMs },
            transfer: endpoint.transfer ? transferable(outcome.value) : undefined,
          }
        : { result: { id, ok: false, error: outcome.error, ms: outcome.serviceMs }, transfer: undefined },
    );

  const close = async (): Promise<void> => {
    let teardownError: string | undefined;
    try {
      await host.close();
    } catch (error) {
      teardownError = describeError(error).message;
    }
    replies.flush(); // every result before the last word
    const figures = endpoint.figures();
    endpoint.send(teardownError ? { t: 'closed', figures, teardownError } : { t: 'closed', figures });
    endpoint.end(0);
  };

  endpoint.listen((message) => {
    switch (message.t) {
      case 'run':
        for (const { id, index, input } of message.items)
          void host.run({ index, input }).then((outcome) => reply(id, outcome));
        break;
      case 'figures':
        endpoint.send({ t: 'figures', figures: endpoint.figures() });
        break;
      case 'abort':
        host.abort(message.reason);
        break;
      case 'close':
        void close();
        break;
    }
  });
  endpoint.send(endpoint.readyInfo === undefined ? { t: 'ready' } : { t: 'ready', info: endpoint.readyInfo });
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
