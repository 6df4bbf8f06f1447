/**
 * The file piscina runs in its worker thread. Piscina calls a named export per task; this one keeps a
 * TaskHost from @concur/core, so the task is imported and set up once per unit, errors come back as values,
 * and progress goes into the shared progress board.
 */
import { workerData } from 'node:worker_threads';
import { type Outcome, ownThreadId, ProgressCell, TaskHost, type WorkItem } from '@concur/core/runtime';
import type { ReadyAnswer, UnitData } from './messages.js';

const data = workerData as UnitData;
const cell = new ProgressCell(data.progressBuffer, data.progressIndex);
let host: TaskHost | undefined;

/** Import the task and run its setup; rejects with the reason when either fails. */
export async function ready(): Promise<ReadyAnswer> {
  host ??= await TaskHost.open(data.task, data.unit, (fraction) => cell.set(fraction));
  return { tid: ownThreadId() };
}

/** One item. The outcome is a value either way: a task that throws resolves `{ ok: false }`. */
export async function run(item: WorkItem): Promise<Outcome> {
  if (!host) throw new Error('run before ready; this is a bug in concur-strategy-piscina');
  return host.run(item);
}

/** Graceful end: the task's teardown. The main side destroys the pool afterwards. */
export async function close(): Promise<void> {
  await host?.close();
}
