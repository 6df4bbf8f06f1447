// A hand-written worker that answers every message with n + 1: the start-up and memory yardstick.
import { parentPort } from 'node:worker_threads';

parentPort.on('message', (n) => parentPort.postMessage(n + 1));
