/**
 * The sequential baseline: items one at a time, in the engine process, with no unit boundary to cross.
 * It is a strategy like any other (one in-process unit), so it is measured by exactly the same engine
 * code as the strategies whose speedup it anchors.
 */
import { defineStrategy, type Outcome, type Strategy } from '../contract/strategy.js';
import { failed } from '../unit-kit/in-flight.js';
import { TaskHost } from '../unit-kit/task-host.js';
import { BASELINE_NAME } from './run-record.js';
import { type RunResult, type RunStrategyOptions, runStrategy } from './run-strategy.js';

export const baselineStrategy: Strategy = defineStrategy({
  meta: { name: BASELINE_NAME, version: '1.0.0', apiVersion: 1 },
  model: 'sequential',
  summary: 'Items one at a time in one process: what every speedup is measured against.',
  traits: {
    unit: 'None (a plain loop)',
    memory: 'Shared',
    parallel: false,
    execution: 'Sequential',
    bestFor: 'measuring the others against',
    pros: ['no start-up or messaging cost'],
    cons: ['one item at a time'],
    inEngineLoop: true,
  },
  defaultConcurrency: () => 1,
  async spawn(spec) {
    const host = await TaskHost.open(spec.task, spec.unit, (fraction) => spec.progress.set(fraction));
    let abandon: ((outcome: Outcome) => void) | undefined;
    return {
      id: `pid ${process.pid}`,
      exited: new Promise(() => {}), // an in-process loop cannot die on its own
      run: (item) =>
        new Promise<Outcome>((resolve) => {
          abandon = resolve;
          void host.run(item).then(resolve);
        }),
      sample() {
        const cpu = process.cpuUsage();
        return {
          scope: 'shared',
          cpuUserMs: cpu.user / 1000,
          cpuSystemMs: cpu.system / 1000,
          rssBytes: process.memoryUsage.rss(),
          heapUsedBytes: process.memoryUsage().heapUsed,
        };
      },
      close: () => host.close(),
      async kill() {
        host.abort('killed');
        abandon?.(failed('killed', 'item abandoned'));
      },
    };
  },
});

export type RunBaselineOptions = Omit<RunStrategyOptions, 'strategy' | 'concurrency' | 'options'>;

/** Run every item one at a time in this process. */
export function runBaseline(options: RunBaselineOptions): Promise<RunResult> {
  return runStrategy({ ...options, strategy: baselineStrategy, concurrency: 1 });
}
