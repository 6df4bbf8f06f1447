// One run of concur's engine (`runStrategy`) in this fresh process, its figures printed as one JSON line.
// The c10k section uses it instead of `compare`: compare's engine process loses the record of a run with
// about 10,000 items or more (it disconnects before its last message is written; see BENCHMARKS.md), and
// this measures the same engine without that message.
import { runStrategy } from '@concur/core';
import { STRATEGIES } from './concur.mjs';

// The job comes on stdin: 10,000 inputs are too long for a command line.
let text = '';
for await (const chunk of process.stdin) text += chunk;
const job = JSON.parse(text);
const run = await runStrategy({
  strategy: STRATEGIES[job.strategy].strategy,
  task: job.task,
  inputs: job.inputs,
  concurrency: job.concurrency,
  options: job.options ?? {},
  timeoutMs: job.timeoutMs,
});
process.stdout.write(
  `${JSON.stringify({
    wallMs: run.wallMs,
    startupMs: run.startupMs,
    peakRssBytes: run.peakRssBytes,
    items: run.items,
    failures: run.failures.slice(0, 1),
    aborted: run.aborted,
  })}\n`,
);
process.exit(0);
