/** The experiment `concur` runs when nobody says which: the article's CPU-bound race, every strategy. */

import { InputError } from '@concur/core';
import type { Catalog } from '@concur/core/orchestrate';
import type { ComparisonRequest } from './types.js';

export const DEFAULT_WORKLOAD = 'article-cpu';
export const DEFAULT_RUNS = 3;
export const DEFAULT_WARMUP = 0;
export const DEFAULT_TIMEOUT_MS = 30_000;

/** `article-cpu` when it is there, else the first workload found. */
export function defaultRequest(catalog: Catalog): ComparisonRequest {
  const found = catalog.workloads.find((w) => w.name === DEFAULT_WORKLOAD) ?? catalog.workloads[0];
  if (!found)
    throw new InputError(
      'no workload could be loaded; `concur list` says why, or race your own task with `concur run --task FILE --items N`',
    );
  return {
    workload: found.workload,
    params: {},
    strategies: [],
    runs: DEFAULT_RUNS,
    warmup: DEFAULT_WARMUP,
    timeoutMs: DEFAULT_TIMEOUT_MS,
    strategyOptions: {},
    exports: {},
  };
}
