/**
 * One comparison from request to report: check every input first (params, strategies, options, export
 * paths), run it, derive the report (set against a saved one with `--against`), and write the files asked
 * for — also when it was cancelled, so what was measured is kept.
 */

import { InputError, type Report, type RunRecord } from '@concur/core';
import {
  type Catalog,
  compare,
  comparisonToReport,
  diffReports,
  type LoadedStrategy,
  type PlannedRun,
  pickStrategies,
  resolveParams,
} from '@concur/core/orchestrate';
import { keepAvailable } from './availability.js';
import { checkExportTargets, writeExports } from './exports.js';
import type { ComparisonRequest, ExecuteComparison, ExecuteOptions } from './types.js';

type Comparison = Awaited<ReturnType<typeof compare>>;

/** How a diff names the comparison just run, against the saved report's file name. */
export const THIS_RUN = 'this run';

export const executeComparison: ExecuteComparison = async (request, options) =>
  executeIn(process.cwd(), request, options);

/** As {@link executeComparison}, with relative export paths taken from `cwd`. */
export async function executeIn(
  cwd: string,
  request: ComparisonRequest,
  { catalog, onEvent, signal, onNotice, onSalvage }: ExecuteOptions,
): Promise<Report> {
  const params = resolveParams(request.workload, request.params);
  const chosen = chooseStrategies(catalog, request.strategies);
  checkStrategyOptions(chosen, request.strategyOptions);
  await checkExportTargets(request.exports, cwd);
  const strategies = await keepAvailable(chosen, {
    named: request.strategies.length > 0,
    options: request.strategyOptions,
    ...(onNotice ? { note: onNotice } : {}),
  });

  const settings = {
    strategies,
    runs: request.runs,
    warmup: request.warmup,
    strategyOptions: request.strategyOptions,
  };
  const reportOf = (comparison: Comparison): Report => {
    const measured = comparisonToReport(comparison, settings);
    const { against } = request;
    return against
      ? {
          ...measured,
          against: diffReports(against.report, measured, { before: against.label, after: THIS_RUN }),
        }
      : measured;
  };

  // What has been measured so far, so that a concur leaving before the comparison ends (a forced exit)
  // still writes it.
  const sofar = { plan: [] as readonly PlannedRun[], items: 0, runs: [] as RunRecord[] };
  let written = false;
  onSalvage?.(async () => {
    if (written) return undefined;
    const report = reportOf({
      workload: request.workload,
      params,
      items: sofar.items,
      plan: sofar.plan,
      runs: [...sofar.runs],
      services: {},
      timeoutMs: request.timeoutMs,
      cancelled: true,
    });
    await writeExports(report, request.exports, cwd);
    return report;
  });
  try {
    const comparison = await compare({
      workload: request.workload,
      params,
      strategies,
      ...(request.concurrency ? { concurrency: request.concurrency } : {}),
      runs: request.runs,
      warmup: request.warmup,
      timeoutMs: request.timeoutMs,
      baseline: request.baseline ?? true,
      strategyOptions: request.strategyOptions,
      ...(signal ? { signal } : {}),
      onEvent: (event) => {
        if (event.type === 'plan') {
          sofar.plan = event.plan;
          sofar.items = event.items;
        } else if (event.type === 'run-end') sofar.runs.push(event.record);
        onEvent?.(event);
      },
    });
    const report = reportOf(comparison);
    await writeExports(report, request.exports, cwd);
    written = true;
    return report;
  } finally {
    onSalvage?.(undefined);
  }
}

function chooseStrategies(catalog: Catalog, names: readonly string[]): LoadedStrategy[] {
  return pickStrategies(catalog, names.length > 0 ? names : catalog.strategies.map((s) => s.name));
}

// The engine checks options too, but only once a run of that strategy starts, after the baseline has run:
// a typo should stop concur before it measures anything.
function checkStrategyOptions(
  strategies: readonly LoadedStrategy[],
  options: ComparisonRequest['strategyOptions'],
): void {
  for (const [name, values] of Object.entries(options)) {
    const chosen = strategies.find((s) => s.name === name);
    if (!chosen)
      throw new InputError(
        `--option ${name}.…: no strategy "${name}" in this comparison; it runs ${strategies.map((s) => s.name).join(', ')}`,
      );
    const problem = chosen.strategy.validateOptions?.(values);
    if (problem) throw new InputError(`--option ${name}: ${problem}`);
  }
}
