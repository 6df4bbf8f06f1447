// concur as a user runs it: whole comparisons through @concur/core's `compare` (every run in an engine
// process of its own), the built-in strategies and workloads, and the loopback server in its own process.
//
// Everything concur is reached through a handle (load.mjs); `current` is this tree's.
import { CURRENT_SOURCE, loadConcur } from './load.mjs';
import { runScript, taskFile } from './script.mjs';

export { STRATEGY_NAMES } from './load.mjs';

export const current = await loadConcur(CURRENT_SOURCE.dir, {
  label: 'this tree',
  from: CURRENT_SOURCE.from,
});

/** A workload's params: its defaults, then `overrides`. */
export function paramsOf(workload, overrides = {}) {
  const params = Object.fromEntries(
    Object.entries(workload.params).map(([name, spec]) => [name, spec.default]),
  );
  return { ...params, ...overrides };
}

/**
 * One comparison through `concur`'s `compare`. `strategies` are names; `strategyOptions` per name. Fails
 * loudly when an item failed: a figure with failures in it is not a figure of the work.
 */
export async function race({
  concur = current,
  workload,
  params,
  strategies,
  concurrency,
  runs = 1,
  baseline = false,
  strategyOptions,
  timeoutMs,
  allowFailures = false,
  report = false,
}) {
  const choices = strategies.map((name) => concur.strategies[name]);
  const comparison = await concur.core.compare({
    workload,
    params,
    strategies: choices,
    runs,
    baseline,
    ...(concurrency ? { concurrency } : {}),
    ...(strategyOptions ? { strategyOptions } : {}),
    ...(timeoutMs ? { timeoutMs } : {}),
  });
  for (const record of comparison.runs)
    if (!allowFailures && (record.aborted || record.items.failed > 0))
      throw new Error(
        `${workload.name} on ${record.strategy} ×${record.concurrency}: ${record.items.failed} items failed (${record.failures[0]?.message ?? record.aborted}); the figures would be void`,
      );
  return {
    comparison,
    records: comparison.runs,
    ...(report
      ? {
          report: concur.core.comparisonToReport(comparison, {
            strategies: choices,
            runs,
            warmup: 0,
            strategyOptions,
          }),
        }
      : {}),
  };
}

/** One measured run of one strategy through the whole engine; its record. */
export async function oneRun(options) {
  const { records } = await race({ ...options, runs: 1, baseline: false });
  return records[0];
}

/** concur's loopback server in a process of its own, shared by concur's runs and the hand-written scripts. */
export async function startLoopbackServer({ latencyMs = 100, bodyBytes = 1024 } = {}) {
  const { httpGet } = current.workloads;
  const services = await current.core.startServices(httpGet, paramsOf(httpGet, { latencyMs, bodyBytes }));
  return { url: services.info.server.url, stop: () => services.stop(), usage: () => services.usage() };
}

const HAND = {
  process: 'bare-fork.mjs',
  thread: 'bare-worker.mjs',
  async: 'bare-promise-all.mjs',
};

/** Run a hand-written baseline in a fresh process (as concur's engine runs) and read its figures. */
export const runHand = (strategy, job) => runScript(taskFile(HAND[strategy]), [JSON.stringify(job)]);
