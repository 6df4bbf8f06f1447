/**
 * An engine process: runs one measured run and reports it. Each run gets a fresh process, so neither the
 * dashboard's work nor a previous strategy's heap leaks into the figures, and a strategy that blocks this
 * event loop cannot freeze the renderer.
 */
import { performance } from 'node:perf_hooks';
import type { Strategy } from '../contract/strategy.js';
import { strategyShapeProblem } from '../contract/strategy.js';
import { runBaseline } from '../engine/baseline.js';
import type { LiveRun } from '../engine/live-state.js';
import { BASELINE_NAME } from '../engine/run-record.js';
import { runStrategy } from '../engine/run-strategy.js';
import { InputError } from '../errors.js';
import { startOrphanWatchdog } from '../unit-kit/orphan-watchdog.js';
import type { EngineJob, FromEngine, ToEngine } from './messages.js';

/** How long an engine whose parent is gone may take to stop its units before it leaves. */
const ORPHAN_GRACE_MS = 3_000;
const controller = new AbortController();
const send = (message: FromEngine) => process.send?.(message);

// No engine outlives concur: its parent going away is heard through 'disconnect' (below), or, when a task
// blocks this thread so that it never can be, by a watchdog thread. A run starts only once the watchdog
// runs: its thread's boot is not the measured run's to pay for.
const watchdogReady = startOrphanWatchdog({ who: 'the engine', graceMs: ORPHAN_GRACE_MS + 500, pollMs: 250 });

process.on('message', (message: ToEngine) => {
  if (message.kind === 'start') void watchdogReady.then(() => run(message.job));
  else if (message.kind === 'cancel') controller.abort();
});
// A terminal's Ctrl-C or hang-up, and `timeout` or a supervisor's SIGTERM, reach the whole process group,
// this engine with it. Each means what the parent's cancel means: stop the units and report what finished,
// so that a stopped run is reported as cancelled, not crashed (the default action would end this process
// with nothing sent).
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => controller.abort());
// The parent is gone (killed, crashed): stop every unit, then leave.
process.on('disconnect', () => {
  controller.abort();
  setTimeout(() => process.exit(0), ORPHAN_GRACE_MS).unref();
});

async function loadStrategy(url: string): Promise<Strategy> {
  const mod = (await import(url)) as { default?: unknown };
  const problem = strategyShapeProblem(mod.default);
  if (problem) throw new InputError(`strategy module ${url}: ${problem}`);
  return mod.default as Strategy;
}

async function run(job: EngineJob): Promise<void> {
  let live: LiveRun | undefined;
  let lastTick = performance.now();
  let lastSent = 0;
  const sendSnapshot = () => {
    const now = performance.now();
    if (!live || now - lastSent < job.snapshotEveryMs) return;
    lastSent = now;
    // If the ticker has not run for two of its periods, this loop is blocked and this send comes from a
    // task's progress or a settled item: say for how long, so the screen can tell the user why.
    const blocked = now - lastTick > 2 * job.snapshotEveryMs ? now - lastTick : 0;
    send({ kind: 'snapshot', snapshot: { ...live.snapshot(job.maxRows), loopBlockedMs: blocked } });
  };
  const ticker = setInterval(() => {
    lastTick = performance.now();
    sendSnapshot();
  }, job.snapshotEveryMs);
  try {
    const common = {
      task: job.task,
      inputs: job.inputs,
      timeoutMs: job.timeoutMs,
      signal: controller.signal,
      run: job.run,
      warmup: job.warmup,
      onLive: (l: LiveRun) => {
        live = l;
      },
      // process.send writes to the pipe at once, even while this loop is blocked.
      onActivity: sendSnapshot,
    };
    const result =
      job.strategy === BASELINE_NAME
        ? await runBaseline(common)
        : await runStrategy({
            ...common,
            strategy: await loadStrategy(job.strategy),
            concurrency: job.concurrency,
            options: job.options,
            readyTimeoutMs: job.startupTimeoutMs,
          });
    clearInterval(ticker);
    if (live) send({ kind: 'snapshot', snapshot: { ...live.snapshot(job.maxRows), loopBlockedMs: 0 } });
    const { values: _values, ...record } = result;
    await sendLast({ kind: 'done', record });
  } catch (error) {
    clearInterval(ticker);
    const message = error instanceof Error ? error.message : String(error);
    await sendLast({ kind: 'failed', message, badInput: error instanceof InputError });
  }
  process.disconnect?.();
}

/**
 * Send the last message and wait until it has left: disconnecting with a large record (a run of many
 * thousand items) still being written drops it, and the parent would see an engine that died.
 */
function sendLast(message: FromEngine): Promise<void> {
  return new Promise((resolve) => {
    // The callback comes once the message is written, or with an error if the channel is gone.
    if (process.send) process.send(message, undefined, {}, () => resolve());
    else resolve();
  });
}
