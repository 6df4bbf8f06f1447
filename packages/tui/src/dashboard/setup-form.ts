/**
 * The setup screen's choices as plain text fields, and their translation into a ComparisonRequest. Kept
 * apart from the screen so the defaults and the checks can be read (and tested) on their own.
 */

import type { Workload } from '@concur/core';
import { type Catalog, resolveParams } from '@concur/core/orchestrate';
import { defaultStrategies } from '../session/default-strategies.js';
import type { ComparisonRequest } from '../session/types.js';

/** The article's CPU-bound experiment: what Enter runs when nothing is changed. */
export const DEFAULT_WORKLOAD = 'article-cpu';
export const DEFAULT_RUNS = 3;

export interface SetupForm {
  readonly workload: string;
  /** Text per param of the chosen workload. */
  readonly params: Readonly<Record<string, string>>;
  readonly strategies: readonly string[];
  /** Empty: each strategy's own default; "1,2,4": a sweep. */
  readonly concurrency: string;
  readonly runs: string;
}

/** Every workload the screen can offer: the catalog's, plus the one handed in when it is not there (`--task`). */
export function offeredWorkloads(catalog: Catalog, initial?: Partial<ComparisonRequest>): Workload[] {
  const found = catalog.workloads.map((w) => w.workload);
  const extra = initial?.workload;
  return extra && !found.some((w) => w.name === extra.name) ? [extra, ...found] : found;
}

export function paramTexts(workload: Workload | undefined, given: Readonly<Record<string, string>> = {}) {
  const texts: Record<string, string> = {};
  for (const [name, spec] of Object.entries(workload?.params ?? {}))
    texts[name] = given[name] ?? String(spec.default);
  return texts;
}

export function initialForm(catalog: Catalog, initial: Partial<ComparisonRequest> = {}): SetupForm {
  const workloads = offeredWorkloads(catalog, initial);
  const workload =
    workloads.find((w) => w.name === initial.workload?.name) ??
    workloads.find((w) => w.name === DEFAULT_WORKLOAD) ??
    workloads[0];
  const loaded = catalog.strategies.map((s) => s.name);
  const asked = (initial.strategies ?? []).filter((name) => loaded.includes(name));
  return {
    workload: workload?.name ?? '',
    params: paramTexts(workload, initial.params),
    // Strategies of another runtime (python-*) are offered, but not ticked where Node has the task.
    strategies:
      asked.length > 0 ? asked : defaultStrategies(catalog.strategies, workload).chosen.map((s) => s.name),
    concurrency: initial.concurrency?.join(',') ?? '',
    runs: String(initial.runs ?? DEFAULT_RUNS),
  };
}

export type FormResult = { readonly request: ComparisonRequest } | { readonly error: string };

/** The request the form describes, or the first problem with it in words that say how to fix it. */
export function formToRequest(
  form: SetupForm,
  catalog: Catalog,
  initial: Partial<ComparisonRequest> = {},
): FormResult {
  const workload = offeredWorkloads(catalog, initial).find((w) => w.name === form.workload);
  if (!workload) return { error: 'choose a workload first (↑↓ then space)' };
  // Only what differs from the defaults goes in, as `--param` would.
  const params: Record<string, string> = {};
  for (const [name, text] of Object.entries(form.params))
    if (text.trim() !== String(workload.params[name]?.default)) params[name] = text.trim();
  try {
    resolveParams(workload, params);
  } catch (error) {
    return { error: (error as Error).message.replace('--param ', '') };
  }
  if (form.strategies.length === 0) return { error: 'choose at least one strategy (space toggles one)' };
  let concurrency: number[] | undefined;
  if (form.concurrency.trim() !== '') {
    concurrency = form.concurrency
      .split(/[,\s]+/)
      .filter(Boolean)
      .map(Number);
    if (concurrency.some((n) => !Number.isSafeInteger(n) || n < 1))
      return {
        error: `concurrency must be positive whole numbers separated by commas, got "${form.concurrency}"`,
      };
  }
  const runs = Number(form.runs);
  if (!/^\d+$/.test(form.runs.trim()) || runs < 1)
    return { error: `runs must be a positive whole number, got "${form.runs}"` };
  return {
    request: {
      workload,
      params,
      strategies: form.strategies,
      ...(concurrency ? { concurrency } : {}),
      runs,
      warmup: initial.warmup ?? 0,
      timeoutMs: initial.timeoutMs ?? 30_000,
      strategyOptions: initial.strategyOptions ?? {},
      exports: initial.exports ?? {},
      // `concur run --no-baseline` in a terminal: the form has no field for it, so carry it through.
      ...(initial.baseline === undefined ? {} : { baseline: initial.baseline }),
      ...(initial.against === undefined ? {} : { against: initial.against }),
    },
  };
}
