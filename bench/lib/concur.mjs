// concur as a user runs it: whole comparisons through @concur/core's `compare` (every run in an engine
// process of its own), the built-in strategies and workloads, and the loopback server in its own process.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { compare, comparisonToReport, startServices } from '@concur/core/orchestrate';
import asyncStrategy from '@concur/strategy-async';
import processStrategy from '@concur/strategy-process';
import threadStrategy from '@concur/strategy-thread';
import { httpGet } from '@concur/workloads';

export const STRATEGIES = {
  process: {
    name: 'process',
    moduleUrl: import.meta.resolve('@concur/strategy-process'),
    strategy: processStrategy,
  },
  thread: {
    name: 'thread',
    moduleUrl: import.meta.resolve('@concur/strategy-thread'),
    strategy: threadStrategy,
  },
  async: { name: 'async', moduleUrl: import.meta.resolve('@concur/strategy-async'), strategy: asyncStrategy },
};
export const STRATEGY_NAMES = Object.keys(STRATEGIES);

/** A workload's params: its defaults, then `overrides`. */
export function paramsOf(workload, overrides = {}) {
  const params = Object.fromEntries(
    Object.entries(workload.params).map(([name, spec]) => [name, spec.default]),
  );
  return { ...params, ...overrides };
}

/**
 * One comparison. `strategies` are names; `strategyOptions` per name. Fails loudly when an item failed:
 * a figure with failures in it is not a figure of the work.
 */
export async function race({
  workload,
  params,
  strategies,
  concurrency,
  runs = 1,
  baseline = false,
  strategyOptions,
  timeoutMs,
  allowFailures = false,
}) {
  const choices = strategies.map((name) => STRATEGIES[name]);
  const comparison = await compare({
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
  const report = comparisonToReport(comparison, { strategies: choices, runs, warmup: 0, strategyOptions });
  return { comparison, report, records: comparison.runs };
}

/** One measured run of one strategy through the whole engine; its record. */
export async function oneRun(options) {
  const { records } = await race({ ...options, runs: 1, baseline: false });
  return records[0];
}

/** concur's loopback server in a process of its own, shared by concur's runs and the hand-written scripts. */
export async function startLoopbackServer({ latencyMs = 100, bodyBytes = 1024 } = {}) {
  const services = await startServices(httpGet, paramsOf(httpGet, { latencyMs, bodyBytes }));
  return { url: services.info.server.url, stop: () => services.stop(), usage: () => services.usage() };
}

const HAND = {
  process: 'bare-fork.mjs',
  thread: 'bare-worker.mjs',
  async: 'bare-promise-all.mjs',
};

/** Run a hand-written baseline in a fresh process (as concur's engine runs) and read its figures. */
export function runHand(strategy, job) {
  const file = fileURLToPath(new URL(`../hand/${HAND[strategy]}`, import.meta.url));
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [file, JSON.stringify(job)],
      { maxBuffer: 1 << 20 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`${HAND[strategy]} failed: ${stderr || error.message}`));
        else resolve(JSON.parse(stdout.trim().split('\n').at(-1)));
      },
    );
  });
}
