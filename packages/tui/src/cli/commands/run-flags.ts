/** `concur run`'s flags as commander hands them over, and the request they make once checked. */

import { InputError, type Workload } from '@concur/core';
import { type Catalog, customWorkload, pickWorkload } from '@concur/core/orchestrate';
import type { ComparisonRequest } from '../../session/types.js';
import {
  parseConcurrency,
  parseCount,
  parseDuration,
  parseNameList,
  parseParams,
  parseStrategyOptions,
} from '../parse-flags.js';

export interface RunFlags {
  readonly strategies?: string;
  readonly concurrency?: string;
  readonly runs: string;
  readonly warmup: string;
  readonly timeout: string;
  readonly startupTimeout?: string;
  readonly param?: readonly string[];
  readonly option?: readonly string[];
  readonly task?: string;
  readonly inputs?: string;
  readonly items?: string;
  readonly json?: string;
  readonly markdown?: string;
  readonly csv?: string;
  readonly trace?: string;
  readonly html?: string;
  /** `--baseline full|sample|none`; `--no-baseline` sets it false. */
  readonly baseline?: string | boolean;
  readonly against?: string;
}

/** Everything the flags say apart from the workload, checked without touching the disk. */
export type RunSettings = Omit<ComparisonRequest, 'workload'>;

export function parseRunFlags(flags: RunFlags): RunSettings {
  return {
    params: parseParams(flags.param ?? []),
    strategies: flags.strategies === undefined ? [] : parseNameList('--strategies', flags.strategies),
    ...(flags.concurrency === undefined ? {} : { concurrency: parseConcurrency(flags.concurrency) }),
    runs: parseCount('--runs', flags.runs, 1),
    warmup: parseCount('--warmup', flags.warmup, 0),
    timeoutMs: parseDuration('--timeout', flags.timeout),
    ...(flags.startupTimeout === undefined
      ? {}
      : { startupTimeoutMs: parseDuration('--startup-timeout', flags.startupTimeout) }),
    strategyOptions: parseStrategyOptions(flags.option ?? []),
    exports: {
      ...(flags.json === undefined ? {} : { json: flags.json }),
      ...(flags.markdown === undefined ? {} : { markdown: flags.markdown }),
      ...(flags.csv === undefined ? {} : { csv: flags.csv }),
      ...(flags.trace === undefined ? {} : { trace: flags.trace }),
      ...(flags.html === undefined ? {} : { html: flags.html }),
    },
    ...parseBaseline(flags.baseline),
  };
}

/** Items a sampled baseline measures: enough for a tight interval, few enough to take seconds. */
export const BASELINE_SAMPLE_ITEMS = 300;

/** `--baseline full|sample|none` (or `--no-baseline`) → whether the baseline runs, and on how many items. */
export function parseBaseline(
  mode: string | boolean | undefined,
): Pick<RunSettings, 'baseline' | 'baselineSample'> {
  if (mode === undefined || mode === true || mode === 'full') return { baseline: true };
  if (mode === false || mode === 'none') return { baseline: false };
  if (mode === 'sample') return { baseline: true, baselineSample: BASELINE_SAMPLE_ITEMS };
  throw new InputError(`--baseline must be full, sample or none, got ${JSON.stringify(mode)}`);
}

/** The workload named, or the user's own task with `--task` (then no name may be given). */
export async function chooseWorkload(
  name: string | undefined,
  flags: RunFlags,
  catalog: Catalog,
  cwd: string,
  notice?: (line: string) => void,
): Promise<Workload> {
  if (flags.task === undefined) {
    if (flags.inputs !== undefined || flags.items !== undefined)
      throw new InputError(
        `${flags.inputs !== undefined ? '--inputs' : '--items'} goes with --task FILE; a named workload makes its own inputs (set them with --param)`,
      );
    if (name === undefined)
      throw new InputError(
        'name a workload (`concur list` shows them), e.g. `concur run sleep`, or race your own task with --task FILE',
      );
    return pickWorkload(catalog, name).workload;
  }
  if (name !== undefined)
    throw new InputError(
      `both a workload ("${name}") and --task ${flags.task} given; use one: a named workload, or your own task`,
    );
  return customWorkload({
    taskPath: flags.task,
    cwd,
    onNotice: (line) => notice?.(line),
    ...(flags.inputs === undefined ? {} : { inputsFile: flags.inputs }),
    ...(flags.items === undefined ? {} : { items: parseCount('--items', flags.items, 1) }),
  });
}
