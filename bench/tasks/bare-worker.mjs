// Hand-written worker threads: start `units` workers, keep `inFlight` items on each, hand out the next
// item as one comes back. The clock runs from before the first `new Worker()` until the last answer.
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { readJob, report } from './work.mjs';

const { work, input, items, units, inFlight } = readJob();
const file = new URL('./worker.mjs', import.meta.url);

const start = performance.now();
let next = 0;
let done = 0;
const workers = Array.from({ length: units }, () => new Worker(file));
await new Promise((resolve) => {
  for (const worker of workers) {
    const feed = () => {
      if (next < items) worker.postMessage({ work, index: next++, input });
    };
    worker.on('message', () => {
      done += 1;
      if (done === items) resolve();
      else feed();
    });
    for (let i = 0; i < inFlight; i += 1) feed();
  }
});
const wallMs = performance.now() - start;
await Promise.all(workers.map((worker) => worker.terminate()));
report({ wallMs });
