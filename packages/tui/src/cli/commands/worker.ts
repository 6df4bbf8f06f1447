/**
 * `concur worker --broker redis://HOST:6379 [--queue-prefix P]`: serve queue units, on this machine or any
 * other that reaches the broker, for runs with `--option queue.workers=remote`. The queue strategy does the
 * work; it is loaded by name when the command runs, as discovery loads plugins, never imported by this code.
 */
import { InputError } from '@concur/core';
import { SIGNAL_EXIT, trapTermination } from '../../session/signals.js';
import type { CliContext } from '../context.js';

export interface WorkerFlags {
  readonly broker: string;
  readonly queuePrefix: string;
}

interface QueueWorkerModule {
  runQueueWorker(options: {
    broker?: string;
    prefix?: string;
    log: (line: string) => void;
    signal?: AbortSignal;
  }): Promise<void>;
  QueueWorkerInputError: new (...args: never[]) => Error;
}

const WORKER_MODULE = '@concur/strategy-queue/worker';

export async function workerCommand(flags: WorkerFlags, ctx: CliContext): Promise<number> {
  const queue = await loadWorker();
  const termination = trapTermination({ graceMs: 1_500, deadlineMs: 4_000 });
  try {
    await queue.runQueueWorker({
      broker: flags.broker,
      prefix: flags.queuePrefix,
      log: (line) => ctx.stdout.write(`${line}\n`),
      signal: termination.signal,
    });
  } catch (error) {
    if (error instanceof queue.QueueWorkerInputError) throw new InputError(error.message);
    throw error;
  } finally {
    termination.dispose();
  }
  const signal = termination.received();
  return signal ? SIGNAL_EXIT[signal] : 0;
}

async function loadWorker(): Promise<QueueWorkerModule> {
  let url: string;
  try {
    url = import.meta.resolve(WORKER_MODULE);
  } catch {
    throw new InputError(
      `concur worker serves units of the queue strategy, and ${WORKER_MODULE} is not installed here; reinstall concur`,
    );
  }
  return (await import(url)) as QueueWorkerModule;
}
