/**
 * No process concur starts outlives the one that started it. A process whose parent dies without a word
 * (SIGKILL) hears of it through its IPC channel's 'disconnect' — unless its main thread is stuck in a task
 * that never yields, and then nothing on it ever runs again. A worker thread keeps running while the main
 * thread spins, so a tiny one watches the parent pid and, once it changes (the orphan was adopted), waits
 * `graceMs` (the time the disconnect path gets to end things properly) and kills the process.
 *
 * Its code is a CommonJS string rather than a module file: a worker without the ES module loader starts
 * faster, and start-up is on the critical path of every process that uses it.
 */
import { SHARE_ENV, Worker } from 'node:worker_threads';

const WATCHDOG = `
const { workerData } = require('node:worker_threads');
const timer = setInterval(() => {
  if (process.ppid === workerData.parent) return;
  clearInterval(timer);
  setTimeout(() => process.kill(process.pid, 'SIGKILL'), workerData.graceMs);
}, workerData.pollMs);
`;

export interface OrphanWatchdogOptions {
  /** What the process calls itself in the line printed if the watchdog cannot run: "this unit", "the engine". */
  readonly who: string;
  /** How long after the parent is gone the process is killed (default 0: at once). */
  readonly graceMs?: number;
  /** How often the parent pid is checked (default 200 ms). */
  readonly pollMs?: number;
}

/**
 * Start the watchdog; resolves once its thread runs (or has failed, which is reported and not fatal), so a
 * caller that measures can wait for its boot to be over before the measured work starts.
 */
export function startOrphanWatchdog({
  who,
  graceMs = 0,
  pollMs = 200,
}: OrphanWatchdogOptions): Promise<void> {
  const watchdog = new Worker(WATCHDOG, {
    eval: true,
    workerData: { parent: process.ppid, graceMs, pollMs },
    env: SHARE_ENV,
  });
  // The watchdog never keeps its process alive on its own.
  watchdog.unref();
  return new Promise((resolve) => {
    watchdog.once('online', () => resolve());
    // The process keeps working without its watchdog; say so rather than crash it.
    watchdog.on('error', (error) => {
      console.error(`concur: ${who}'s orphan watchdog stopped: ${error.message}`);
      resolve();
    });
  });
}
