import { availableParallelism } from 'node:os';
import { taskFor } from '../contract/workload.js';
import { baselineStrategy } from '../engine/baseline.js';
import { BASELINE_NAME } from '../engine/run-record.js';
import { buildReport } from '../report/build.js';
import { recommend } from '../report/recommend.js';
import type { Report } from '../report/types.js';
import type { Comparison, StrategyChoice } from './compare.js';

export interface ReportSettings {
  readonly strategies: readonly StrategyChoice[];
  readonly runs: number;
  readonly warmup: number;
  readonly strategyOptions?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}

/** The report of a comparison: raw runs, summary, verdict and a recommendation derived from them. */
export function comparisonToReport(comparison: Comparison, settings: ReportSettings): Report {
  const ran = new Set(comparison.runs.map((r) => r.strategy));
  const choices = [{ name: BASELINE_NAME, strategy: baselineStrategy }, ...settings.strategies].filter((s) =>
    ran.has(s.name),
  );
  const concurrency = [
    ...new Set(comparison.plan.filter((p) => p.strategy !== BASELINE_NAME).map((p) => p.concurrency)),
  ];
  const report = buildReport({
    workload: {
      name: comparison.workload.name,
      description: comparison.workload.description,
      kind: comparison.workload.kind,
      // The task Node's strategies ran, or the first runtime's where there is no Node task.
      task: taskFor(comparison.workload) ?? Object.values(comparison.workload.tasks ?? {})[0] ?? '',
      params: comparison.params,
      items: comparison.items,
    },
    settings: {
      concurrency: concurrency.length > 0 ? concurrency : [availableParallelism()],
      runs: settings.runs,
      warmup: settings.warmup,
      timeoutMs: comparison.timeoutMs,
      strategies: settings.strategies.map((s) => s.name),
      strategyOptions: settings.strategyOptions ?? {},
    },
    traits: choices.map(({ name, strategy }) => ({
      name,
      model: strategy.model,
      summary: strategy.summary,
      traits: strategy.traits,
    })),
    runs: comparison.runs,
    services: Object.entries(comparison.services).map(([name, usage]) => ({ name, ...usage })),
    cancelled: comparison.cancelled,
  });
  return { ...report, recommendation: recommend(report.summary, report.verdict) };
}
