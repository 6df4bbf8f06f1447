/**
 * A whole comparison: start the workload's services, then make every planned run — each in an engine
 * process of its own, interleaved across strategies — and collect the raw records. Statistics and the
 * report are derived from these records afterwards.
 */
import { availableParallelism } from 'node:os';
import type { Strategy } from '../contract/strategy.js';
import type { Params, ServiceInfo, Workload } from '../contract/workload.js';
import { checkPositiveInteger, checkTimeout } from '../engine/check-options.js';
import type { LiveSnapshot } from '../engine/live-state.js';
import { BASELINE_NAME, type RunRecord } from '../engine/run-record.js';
import { InputError } from '../errors.js';
import { sampleIndexes } from '../report/baseline-sample.js';
import { EngineFailure, runInEngineProcess } from './engine-process.js';
import { concurrencyProblem, itemsProblem } from './limits.js';
import type { ServiceUsage } from './messages.js';
import { type PlannedRun, plannedRunCount, planRuns } from './plan.js';
import { chooseBaseline, chooseTasks, optionsFor } from './runtimes.js';
import { startServices } from './services.js';

/**
 * A unit's start, at least: a short item timeout on a loaded machine must not fail slow process start-ups.
 */
export const DEFAULT_STARTUP_TIMEOUT_MS = 30_000;

/** A strategy as discovery found it: its module's file URL (for the engine process) and its object. */
export interface StrategyChoice {
  readonly name: string;
  readonly moduleUrl: string;
  readonly strategy: Strategy;
}

export type CompareEvent =
  | { readonly type: 'plan'; readonly plan: readonly PlannedRun[]; readonly items: number }
  | { readonly type: 'services-ready'; readonly info: Readonly<Record<string, unknown>> }
  | { readonly type: 'run-start'; readonly planned: PlannedRun; readonly position: number }
  | { readonly type: 'snapshot'; readonly snapshot: LiveSnapshot }
  | { readonly type: 'run-end'; readonly planned: PlannedRun; readonly record: RunRecord };

export interface CompareOptions {
  readonly workload: Workload;
  /** Already checked against the workload's param specs. */
  readonly params: Params;
  readonly strategies: readonly StrategyChoice[];
  /** Units per strategy; several values make a sweep. Default: each strategy's own default, at most one per item. */
  readonly concurrency?: readonly number[];
  readonly runs?: number;
  readonly warmup?: number;
  /** Per item. Default 30 s. */
  readonly timeoutMs?: number;
  /** Per unit start (its task's import and setup). Default: the item timeout, but at least 30 s. */
  readonly startupTimeoutMs?: number;
  /** Run the sequential baseline that speedups are measured against. Default true. */
  readonly baseline?: boolean;
  /**
   * Measure the baseline on this many of the items, evenly spread, and scale it to the whole workload
   * (`--baseline sample`): a baseline of 10,000 waits one after another would take far longer than the
   * strategies. Undefined, or as many as the items: every item.
   */
  readonly baselineSample?: number;
  /** Options per strategy name. */
  readonly strategyOptions?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  readonly signal?: AbortSignal;
  readonly onEvent?: (event: CompareEvent) => void;
  /** Unit rows per live snapshot. Default 64. */
  readonly maxRows?: number;
  /** How often an engine process sends a snapshot. Default 100 ms. */
  readonly snapshotEveryMs?: number;
  /** Stop a run whose engine sends nothing for this long (its loop is blocked for good). Default: timeout + 10 s. */
  readonly stallMs?: number;
  /**
   * Told, one line each, what the comparison leaves out (a strategy whose runtime has no task) or cuts
   * (a --concurrency above the number of items), and why.
   */
  readonly onNotice?: (line: string) => void;
}

export interface Comparison {
  readonly workload: Workload;
  readonly params: Params;
  readonly items: number;
  readonly plan: readonly PlannedRun[];
  readonly runs: readonly RunRecord[];
  readonly services: Readonly<Record<string, ServiceUsage>>;
  readonly timeoutMs: number;
  readonly cancelled: boolean;
  /** One line per runtime whose strategies were left out for want of a task in it. */
  readonly leftOut: readonly string[];
  /**
   * Where the sequential baseline ran: `node`, or another runtime when no Node strategy raced (then by
   * `by`, the first strategy of that runtime, with one unit and one item at a time).
   */
  readonly baseline?: { readonly runtime: string; readonly by?: string };
}

export async function compare(o: CompareOptions): Promise<Comparison> {
  const runs = checkPositiveInteger('--runs', o.runs ?? 3);
  const warmup = o.warmup ?? 0;
  if (!Number.isInteger(warmup) || warmup < 0)
    throw new InputError(
      `--warmup must be a whole number of runs (0 or more), got ${JSON.stringify(warmup)}`,
    );
  const timeoutMs = checkTimeout('--timeout', o.timeoutMs ?? 30_000);
  const startupTimeoutMs = checkTimeout(
    '--startup-timeout',
    o.startupTimeoutMs ?? Math.max(timeoutMs, DEFAULT_STARTUP_TIMEOUT_MS),
  );
  for (const level of o.concurrency ?? []) checkPositiveInteger('--concurrency', level);
  if (o.strategies.length === 0 && o.baseline === false)
    throw new InputError('nothing to run: name at least one strategy with --strategies');
  const { runnable, leftOut } = chooseTasks(o.workload, o.strategies);
  for (const line of leftOut) o.onNotice?.(line);
  if (runnable.length === 0 && o.strategies.length > 0)
    throw new InputError(
      `nothing to run: ${leftOut.join('; ')}; name strategies of a runtime the workload has a task for`,
    );
  const baselineChoice = o.baseline === false ? undefined : chooseBaseline(o.workload, runnable);
  if (o.baseline !== false && !baselineChoice)
    throw new InputError(
      `workload ${o.workload.name} has no Node.js task for the sequential baseline; name a strategy of its runtime, or pass --no-baseline`,
    );

  const services = await startServices(o.workload, o.params);
  const records: RunRecord[] = [];
  let cancelled = false;
  try {
    o.onEvent?.({ type: 'services-ready', info: services.info });
    const inputs = await makeInputs(o.workload, o.params, services.info);
    const cpus = availableParallelism();
    // Never more units than items: the rest would start, cost their start-up and memory, and wait idle.
    const asked = o.concurrency ?? [];
    const levels = [...new Set(asked.map((level) => Math.min(level, inputs.length)))];
    if (asked.some((level) => level > inputs.length))
      o.onNotice?.(
        `--concurrency ${asked.join(',')} asks for more units than the ${inputs.length} item${inputs.length === 1 ? '' : 's'}; running at most ${inputs.length}`,
      );
    const levelsOf = (strategy: Strategy) =>
      levels.length > 0 ? levels : [Math.max(1, Math.min(strategy.defaultConcurrency(cpus), inputs.length))];
    for (const { name, strategy } of o.strategies)
      for (const level of levelsOf(strategy)) {
        const problem = concurrencyProblem(name, strategy, level);
        if (problem) throw new InputError(problem);
      }
    const planInput = {
      strategies: runnable.map((s) => ({ name: s.name, levels: levelsOf(s.strategy) })),
      runs,
      warmup,
      baseline: baselineChoice !== undefined,
    };
    // Counted before the plan is made: a --runs of billions must be refused, not built.
    const tooMany = itemsProblem(inputs.length, plannedRunCount(planInput));
    if (tooMany) throw new InputError(`${tooMany}; ask for fewer items or fewer runs`);
    const plan = planRuns(planInput);
    o.onEvent?.({ type: 'plan', plan, items: inputs.length });
    const byName = new Map(runnable.map((s) => [s.name, s]));
    const sampleSize = o.baselineSample;
    if (sampleSize !== undefined) checkPositiveInteger('--baseline sample size', sampleSize);
    const baselineInputs =
      sampleSize !== undefined && sampleSize < inputs.length
        ? sampleIndexes(inputs.length, sampleSize).map((index) => inputs[index])
        : undefined;
    /** What the engine runs for a planned run: a strategy with its runtime's task, or the baseline. */
    const target = (name: string) => {
      const chosen = byName.get(name);
      if (chosen)
        return {
          strategy: chosen.moduleUrl,
          task: chosen.task,
          options: optionsFor(o.strategyOptions, chosen.name, chosen.runtime),
        };
      if (!baselineChoice)
        throw new Error(`${name} is in the plan but not in the comparison. This is a bug in concur.`);
      const by = baselineChoice.strategy;
      if (!by) return { strategy: BASELINE_NAME, task: baselineChoice.task, options: {} };
      // One unit (the plan's concurrency 1) and one item at a time: sequential in that runtime.
      const { inFlight: _inFlight, ...options } = optionsFor(o.strategyOptions, by.name, by.runtime);
      return { strategy: by.moduleUrl, task: by.task, options };
    };

    for (const [position, planned] of plan.entries()) {
      if (o.signal?.aborted) {
        cancelled = true;
        break;
      }
      o.onEvent?.({ type: 'run-start', planned, position });
      const sampled = planned.strategy === BASELINE_NAME ? baselineInputs : undefined;
      const job = {
        ...target(planned.strategy),
        inputs: sampled ?? inputs,
        concurrency: planned.concurrency,
        timeoutMs,
        startupTimeoutMs,
        run: planned.run,
        warmup: planned.warmup,
        snapshotEveryMs: o.snapshotEveryMs ?? 100,
        maxRows: o.maxRows ?? 64,
      };
      const measured = await runInEngineProcess(job, {
        // A baseline run by a strategy of another runtime is shown under the baseline's name, as it is recorded.
        onSnapshot: (snapshot) =>
          o.onEvent?.({
            type: 'snapshot',
            snapshot:
              snapshot.strategy === planned.strategy ? snapshot : { ...snapshot, strategy: planned.strategy },
          }),
        ...(o.signal ? { signal: o.signal } : {}),
        stallMs: o.stallMs ?? timeoutMs + 10_000,
      }).catch((error: unknown) => {
        if (error instanceof EngineFailure)
          return failedRecord(planned, (sampled ?? inputs).length, error.message, error.cancelled);
        throw error;
      });
      // A baseline run by a strategy of another runtime is recorded under the baseline's name.
      const named =
        measured.strategy === planned.strategy ? measured : { ...measured, strategy: planned.strategy };
      const record = sampled ? { ...named, sample: { items: sampled.length, of: inputs.length } } : named;
      records.push(record);
      o.onEvent?.({ type: 'run-end', planned, record });
      if (record.cancelled) cancelled = true;
    }
    return {
      workload: o.workload,
      params: o.params,
      items: inputs.length,
      plan,
      runs: records,
      services: await services.usage().catch(() => ({})),
      timeoutMs,
      cancelled,
      leftOut,
      ...(baselineChoice
        ? {
            baseline: {
              runtime: baselineChoice.runtime,
              ...(baselineChoice.strategy ? { by: baselineChoice.strategy.name } : {}),
            },
          }
        : {}),
    };
  } finally {
    await services.stop();
  }
}

/** The workload's inputs; more than an array can hold is the user's request, not concur's crash. */
async function makeInputs(
  workload: Workload,
  params: Params,
  info: ServiceInfo,
): Promise<readonly unknown[]> {
  try {
    return await workload.inputs(params, info);
  } catch (error) {
    if (error instanceof RangeError)
      throw new InputError(
        `workload "${workload.name}" could not make its inputs (${error.message}): its params ask for more items than this machine can hold; ask for fewer`,
      );
    throw error;
  }
}

/** The record of a run whose engine process died or was stopped: every item failed with the reason. */
function failedRecord(planned: PlannedRun, items: number, reason: string, cancelled: boolean): RunRecord {
  const kind = cancelled ? ('cancelled' as const) : ('unit-exited' as const);
  const message = cancelled ? `run cancelled; ${reason}` : reason;
  return {
    strategy: planned.strategy,
    run: planned.run,
    warmup: planned.warmup,
    concurrency: planned.concurrency,
    wallMs: Number.NaN,
    startupMs: Number.NaN,
    cpu: { userMs: Number.NaN, systemMs: Number.NaN },
    peakRssBytes: Number.NaN,
    items: { total: items, done: 0, failed: items },
    latencyMs: new Array<number>(items).fill(Number.NaN),
    serviceMs: new Array<number>(items).fill(Number.NaN),
    failures: Array.from({ length: items }, (_, index) => ({
      index,
      kind,
      message,
      unit: -1,
    })),
    replacements: 0,
    units: [],
    loopDelay: { p50Ms: Number.NaN, p99Ms: Number.NaN, maxMs: Number.NaN },
    output: [],
    outputTruncated: false,
    cancelled,
    aborted: message,
  };
}
