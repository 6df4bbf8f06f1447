/**
 * The file piscina runs in its worker thread. Piscina calls a named export per task; this one keeps a
 * TaskHost from @concur/core, so the task is imported and set up once per unit, errors come back as values,
 * and progress goes into the shared progress board.
 */
import { readlinkSync } from 'node:fs';
import { workerData } from 'node:worker_threads';
import { type Outcome, ProgressCell, TaskHost } from '@concur/core/runtime';
import type { ReadyAnswer, UnitData } from './messages.js';

const data = workerData as UnitData;
const cell = new ProgressCell(data.progressBuffer, data.progressIndex);
let host: TaskHost | undefined;
let nextIndex = 0;

/** Import the task and run its setup; rejects with the reason when either fails. */
export async function ready(): Promise<ReadyAnswer> {
  host ??= await TaskHost.open(data.task, data.unit, (fraction) => cell.set(fraction));
  return { tid: ownThreadId() };
}

/** One item. The outcome is a value either way: a task that throws resolves `{ ok: false }`. */
export async function run(input: unknown): Promise<Outcome> {
  if (!host) throw new Error('run before ready; this is a bug in concur-strategy-piscina');
  return host.run({ index: nextIndex++, input });
}

/** Graceful end: the task's teardown. The main side destroys the pool afterwards. */
export async function close(): Promise<void> {
  await host?.close();
}

/** "/proc/thread-self" links to "<pid>/task/<tid>"; null where it does not exist (not Linux). */
function ownThreadId(): number | null {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    return Number.isInteger(tid) && tid > 0 ? tid : null;
  } catch {
    return null;
  }
}
