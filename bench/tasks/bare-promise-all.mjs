// Hand-written async: `units` lanes on this one event loop, each taking the next item when its last one is
// done, awaited together with Promise.all. For the summing loop every lane blocks the loop in turn, which
// is the point of the article's async row.
//
// The work module is imported after the clock starts: that is this model's start-up, as a forked child's
// or a worker's import of it is theirs, and as concur's async slots load the task inside their wall time.
import { performance } from 'node:perf_hooks';

const { work, input, items, units } = JSON.parse(process.argv[2]);

const start = performance.now();
const { closeConnections, report, runItem } = await import('./work.mjs');
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
