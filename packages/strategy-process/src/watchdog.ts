/**
 * Runs in a worker thread inside every unit. If the engine dies without a word (SIGKILL), the unit's main
 * thread notices the lost IPC channel through 'disconnect' — unless it is stuck in a task that never
 * yields. This thread keeps running while the main thread spins, so it is the one that guarantees no unit
 * outlives its engine: once the parent pid changes (the orphan was adopted), it kills its own process.
 */
import { workerData } from 'node:worker_threads';

const POLL_MS = 200;
const enginePid = workerData as number;

setInterval(() => {
  if (process.ppid !== enginePid) process.kill(process.pid, 'SIGKILL');
}, POLL_MS);
