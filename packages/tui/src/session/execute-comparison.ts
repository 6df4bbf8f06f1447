/**
 * One comparison from request to report: check every input first (params, strategies, options, export
 * paths), run it, derive the report (set against a saved one with `--against`), and write the files asked
 * for — also when it was cancelled, so what was measured is kept.
 */

import { InputError, type Report, type RunRecord, type Workload } from '@concur/core';
import {
  type Catalog,
  compare,
  comparisonToReport,
  DEFAULT_STARTUP_TIMEOUT_MS,
  diffReports,
  formatDuration,
  type LoadedStrategy,
  optionsFor,
  type PlannedRun,
  pickStrategies,
  resolveParams,
  runtimeOf,
} from '@concur/core/orchestrate';
import { keepAvailable } from './availability.js';
import { defaultStrategies } from './default-strategies.js';
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
  // What is left out is said once the comparison has its plan (its inputs made, every check passed): bad
  // input gets its one line alone.
  const leftOut: string[] = [];
  const chosen = chooseStrategies(catalog, request.workload, request.strategies, (line) =>
    leftOut.push(line),
  );
  checkStrategyOptions(chosen, request.strategyOptions);
  await checkExportTargets(request.exports, cwd);
  const strategies = await keepAvailable(chosen, {
    named: request.strategies.length > 0,
    options: request.strategyOptions,
    ...(onNotice ? { note: onNotice } : {}),
  });

  // A short item timeout does not cover a unit's start: say so where the run begins, and how to set it.
  if (request.startupTimeoutMs === undefined && request.timeoutMs < DEFAULT_STARTUP_TIMEOUT_MS)
    onNotice?.(
      `--timeout ${formatDuration(request.timeoutMs)} limits each item; a unit's start (its task's import and setup) has its own limit, ${formatDuration(DEFAULT_STARTUP_TIMEOUT_MS)}: set it with --startup-timeout`,
    );
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
      leftOut: [],
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
      ...(request.startupTimeoutMs === undefined ? {} : { startupTimeoutMs: request.startupTimeoutMs }),
      baseline: request.baseline ?? true,
      ...(request.baselineSample === undefined ? {} : { baselineSample: request.baselineSample }),
      strategyOptions: request.strategyOptions,
      ...(signal ? { signal } : {}),
      ...(onNotice ? { onNotice } : {}),
      onEvent: (event) => {
        if (event.type === 'plan') {
          for (const line of leftOut.splice(0)) onNotice?.(line);
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

/** The strategies named, or those {@link defaultStrategies} chooses, saying which it leaves to be named. */
function chooseStrategies(
  catalog: Catalog,
  workload: Workload,
  names: readonly string[],
  note: ((line: string) => void) | undefined,
): LoadedStrategy[] {
  if (names.length > 0) return pickStrategies(catalog, names);
  const { chosen, notNamed } = defaultStrategies(catalog.strategies, workload);
  if (notNamed.length > 0)
    note?.(`not raced unless named with --strategies: ${notNamed.map((s) => s.name).join(', ')}`);
  return pickStrategies(
    catalog,
    chosen.map((s) => s.name),
  );
}

// The engine checks options too, but only once a run of that strategy starts, after the baseline has run:
// a typo should stop concur before it measures anything.
function checkStrategyOptions(
  strategies: readonly LoadedStrategy[],
  options: ComparisonRequest['strategyOptions'],
): void {
  for (const name of Object.keys(options)) {
    // A runtime's name (`--option python.bin=…`) gives options to every strategy of that runtime.
    const chosen = strategies.filter((s) => s.name === name || runtimeOf(s.strategy) === name);
    if (chosen.length === 0)
      throw new InputError(
        `--option ${name}.…: no strategy "${name}" in this comparison; it runs ${strategies.map((s) => s.name).join(', ')}`,
      );
    for (const s of chosen) {
      const problem = s.strategy.validateOptions?.(optionsFor(options, s.name, runtimeOf(s.strategy)));
      if (problem) throw new InputError(`--option ${name}: ${problem}`);
    }
  }
}
