/**
 * No engine outlives concur. When concur dies without a word (SIGKILL), the engine's main thread hears of it
 * through 'disconnect' — unless a task blocks that thread for good (an endless loop on the async strategy or
 * the baseline), and then nothing on it ever runs again. A worker thread keeps running while the main thread
 * spins, so a tiny one watches the parent pid and, once it changes (the orphan was adopted), gives the main
 * thread the same grace the disconnect path takes, then kills the process.
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

/**
 * Start the watchdog; resolves once its thread runs (or has failed, which is reported and not fatal). A
 * thread takes ~25 ms of CPU to boot: the engine waits for it before starting a measured run, so that the
 * boot does not compete with the run it would otherwise overlap.
 */
export function startOrphanWatchdog(graceMs: number, pollMs = 250): Promise<void> {
  const watchdog = new Worker(WATCHDOG, {
    eval: true,
    workerData: { parent: process.ppid, graceMs, pollMs },
    env: SHARE_ENV,
  });
  // The watchdog never keeps the engine alive on its own.
  watchdog.unref();
  return new Promise((resolve) => {
    watchdog.once('online', () => resolve());
    // The engine keeps working without its watchdog; say so rather than crash the run.
    watchdog.on('error', (error) => {
      console.error(`concur: the engine's orphan watchdog stopped: ${error.message}`);
      resolve();
    });
  });
}
