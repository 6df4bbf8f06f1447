// Hand-written async: `units` lanes on this one event loop, each taking the next item when its last one is
// done, awaited together with Promise.all. For the summing loop every lane blocks the loop in turn, which
// is the point of the article's async row.
import { performance } from 'node:perf_hooks';
import { closeConnections, readJob, report, runItem } from './work.mjs';

const { work, input, items, units } = readJob();

const start = performance.now();
let next = 0;
await Promise.all(
  Array.from({ length: units }, async () => {
    while (next < items) {
      next += 1;
      await runItem(work, input);
    }
  }),
);
const wallMs = performance.now() - start;
closeConnections();
report({ wallMs });
