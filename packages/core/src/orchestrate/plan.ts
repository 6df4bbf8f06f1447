import { BASELINE_NAME } from '../engine/run-record.js';

/** One run the comparison will make. */
export interface PlannedRun {
  readonly strategy: string;
  readonly concurrency: number;
  /** 1-based, counted separately for warmups. */
  readonly run: number;
  readonly warmup: boolean;
}

export interface PlanInput {
  /** Strategy names with the concurrency levels each runs at. */
  readonly strategies: readonly { readonly name: string; readonly levels: readonly number[] }[];
  readonly runs: number;
  readonly warmup: number;
  readonly baseline: boolean;
}

/** How many runs {@link planRuns} would plan, counted without making them (a huge --runs must not be built). */
export function plannedRunCount({ strategies, runs, warmup, baseline }: PlanInput): number {
  const perRound = (baseline ? 1 : 0) + strategies.reduce((sum, s) => sum + s.levels.length, 0);
  return perRound * (runs + warmup);
}

/**
 * Interleave runs across strategies — A B C A B C, never A A A B B B — so that a slow drift of the machine
 * (another job, thermal throttling) falls on every strategy alike instead of on whichever ran last.
 */
export function planRuns({ strategies, runs, warmup, baseline }: PlanInput): PlannedRun[] {
  const plan: PlannedRun[] = [];
  const round = (run: number, isWarmup: boolean) => {
    if (baseline) plan.push({ strategy: BASELINE_NAME, concurrency: 1, run, warmup: isWarmup });
    const deepest = Math.max(0, ...strategies.map((s) => s.levels.length));
    for (let level = 0; level < deepest; level += 1)
      for (const { name, levels } of strategies) {
        const concurrency = levels[level];
        if (concurrency !== undefined) plan.push({ strategy: name, concurrency, run, warmup: isWarmup });
      }
  };
  for (let run = 1; run <= warmup; run += 1) round(run, true);
  for (let run = 1; run <= runs; run += 1) round(run, false);
  return plan;
}
