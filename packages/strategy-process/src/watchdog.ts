/**
 * No unit outlives its engine. If the engine dies without a word (SIGKILL), a unit's main thread notices
 * the lost IPC channel through 'disconnect' — unless it is stuck in a task that never yields. Where the
 * kernel cannot be asked to kill the unit with its engine (parent-death.ts), a worker thread keeps running
 * while the main thread spins, so a tiny one watches the parent pid and, once it changes (the orphan was
 * adopted), kills its own process.
 *
 * It costs about 9 MiB of RSS per unit (a V8 isolate). Its code is a CommonJS string rather than a module
 * file: a worker without the ES module loader starts measurably faster, and start-up is on every unit's
 * critical path.
 */
import { SHARE_ENV, Worker } from 'node:worker_threads';

const POLL_MS = 200;

const WATCHDOG = `
const { workerData: enginePid } = require('node:worker_threads');
setInterval(() => {
  if (process.ppid !== enginePid) process.kill(process.pid, 'SIGKILL');
}, ${POLL_MS});
`;

export function startOrphanWatchdog(): void {
  new Worker(WATCHDOG, { eval: true, workerData: process.ppid, env: SHARE_ENV })
    // The unit keeps working without its watchdog; say so rather than crash it.
    .on('error', (error) => console.error(`concur: this unit's orphan watchdog stopped: ${error.message}`))
    // The watchdog never keeps a unit alive on its own.
    .unref();
}
