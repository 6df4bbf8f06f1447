// The hand-written reference for start-up: a forked child or a worker that answers each message with itself.
import { parentPort } from 'node:worker_threads';

if (parentPort) parentPort.on('message', (message) => parentPort.postMessage(message));
else process.on('message', (message) => process.send(message));
