/**
 * Import one plugin module and check its default export against the contract. Whatever goes wrong (the
 * module throws, exports the wrong shape, targets another contract version) becomes a {@link BrokenPlugin}
 * with a one-line reason; nothing here throws.
 */
import { pathToFileURL } from 'node:url';
import type { Strategy } from '../contract/strategy.js';
import { strategyShapeProblem } from '../contract/strategy.js';
import type { Workload } from '../contract/workload.js';
import { workloadShapeProblem } from '../contract/workload.js';
import { TIMED_OUT, withinMs } from '../unit-kit/wait.js';
import { firstLine } from './first-line.js';
import type { BrokenPlugin, Candidate, LoadedStrategy, LoadedWorkload } from './types.js';

export interface Loaded {
  readonly strategies: LoadedStrategy[];
  readonly workloads: LoadedWorkload[];
  readonly broken: BrokenPlugin[];
}

const STRATEGY_FIX =
  'the default export must be defineStrategy({ meta, model, summary, traits, defaultConcurrency, spawn })';
const WORKLOAD_FIX =
  'the default export must be defineWorkload({ name, description, kind, task, params, inputs }) or an array of them';

/** How long a plugin module may take to import before it is listed as broken. */
export const DEFAULT_IMPORT_TIMEOUT_MS = 10_000;

/** After this long, an import still under way is worth a word to the user. */
const SLOW_IMPORT_MS = 1_000;

/** Load a candidate whose module file is `realFile` (symlinks resolved, so every process imports the same URL). */
export async function loadCandidate(
  candidate: Candidate,
  realFile: string,
  importTimeoutMs = DEFAULT_IMPORT_TIMEOUT_MS,
  onSlowImport?: (specifier: string, limitMs: number) => void,
): Promise<Loaded> {
  const result: Loaded = { strategies: [], workloads: [], broken: [] };
  const { kind, specifier, source } = candidate;
  const fail = (reason: string, name?: string) =>
    result.broken.push(
      name === undefined ? { kind, specifier, source, reason } : { kind, specifier, source, reason, name },
    );
  const moduleUrl = pathToFileURL(realFile).href;
  let exported: unknown;
  try {
    // A module stuck in a top-level await would otherwise hang `concur list` with no word about why.
    const slow = setTimeout(() => onSlowImport?.(specifier, importTimeoutMs), SLOW_IMPORT_MS);
    const imported = await withinMs(
      import(moduleUrl) as Promise<{ default?: unknown }>,
      importTimeoutMs,
    ).finally(() => clearTimeout(slow));
    if (imported === TIMED_OUT) {
      fail(
        `${specifier} did not finish importing within ${importTimeoutMs / 1000} s; a plugin must not wait at the top level of its module`,
      );
      return result;
    }
    exported = imported.default;
  } catch (error) {
    fail(`${specifier} threw on import: ${firstLine(error)}`);
    return result;
  }
  if (kind === 'strategy') {
    const problem = strategyShapeProblem(exported);
    if (problem) fail(`${specifier}: ${withFix(problem, STRATEGY_FIX)}`, claimedName(exported));
    else {
      const strategy = exported as Strategy;
      result.strategies.push({ name: strategy.meta.name, moduleUrl, source, strategy });
    }
    return result;
  }
  const workloads = Array.isArray(exported) ? exported : [exported];
  if (workloads.length === 0) fail(`${specifier} exports an empty array; ${WORKLOAD_FIX}`);
  workloads.forEach((value: unknown, index) => {
    const problem = workloadShapeProblem(value);
    const which = Array.isArray(exported) ? `workload #${index + 1}: ` : '';
    if (problem) fail(`${specifier}: ${which}${withFix(problem, WORKLOAD_FIX)}`, claimedName(value));
    else {
      const workload = value as Workload;
      result.workloads.push({ name: workload.name, moduleUrl, source, workload });
    }
  });
  return result;
}

// The contract's problems name what is wrong; some already say how to fix it, the others get the shape to follow.
function withFix(problem: string, fix: string): string {
  return problem.includes(';') ? problem : `${problem}; ${fix}`;
}

/** The name a malformed export claims, so that `--strategies fast` can say why "fast" is broken. */
function claimedName(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as { meta?: { name?: unknown }; name?: unknown };
  const name = v.meta?.name ?? v.name;
  return typeof name === 'string' ? name : undefined;
}
