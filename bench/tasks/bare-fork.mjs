// Hand-written child processes: fork `units` children, keep `inFlight` items on each, hand out the next
// item as one comes back. The clock runs from before the first fork until the last answer, spawns included,
// as concur's wall time does.
import { fork } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { readJob, report } from './work.mjs';

const { work, input, items, units, inFlight } = readJob();
const child = new URL('./fork-child.mjs', import.meta.url);

const start = performance.now();
let next = 0;
let done = 0;
const children = Array.from({ length: units }, () => fork(child));
await new Promise((resolve) => {
  for (const proc of children) {
    const feed = () => {
      if (next < items) proc.send({ work, index: next++, input });
    };
    proc.on('message', () => {
      done += 1;
      if (done === items) resolve();
      else feed();
    });
    for (let i = 0; i < inFlight; i += 1) feed();
  }
});
const wallMs = performance.now() - start;
for (const proc of children) proc.disconnect();
report({ wallMs });
