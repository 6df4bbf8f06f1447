/**
 * The verdict: the fastest strategy (lowest mean wall time) against every other one — each at its own
 * concurrency when every strategy ran at one (its default, or the one asked for), or level by level in a
 * concurrency sweep.
 * A winner is named only where the difference is outside the noise (see `compareSamples`), and so only where
 * the noise is known: with a single run on a side, no ratio however large is called significant. The baseline
 * takes part only where a single strategy ran at a concurrency, so that a lone strategy still gets a verdict;
 * otherwise the speedup column already compares every row with it.
 */

import { BASELINE_NAME } from '../engine/run-record.js';
import { mean } from '../stats/descriptive.js';
import { compareSamples } from '../stats/significance.js';
import { formatDuration } from './format.js';
import type { StrategySummary, VerdictLine } from './types.js';

/** A summary row with the wall times it was computed from. */
export interface SummarizedGroup {
  readonly summary: StrategySummary;
  readonly walls: readonly number[];
}

/**
 * Runs shorter than this measure start-up (a process's first send, a module's import, a cold JIT) and the
 * clocks' resolution (CPU time comes in 10 ms ticks) more than the work: the way hyperfine warns on a
 * command that runs in under 5 ms, a comparison whose fastest runs are this short names no winner.
 */
export const SHORT_RUN_MS = 100;

/** "runs under 100 ms are dominated by start-up: use more or bigger items", for every view to say alike. */
export const SHORT_RUN_ADVICE = `runs under ${SHORT_RUN_MS} ms are dominated by start-up: use more or bigger items`;

/** Whether a row's runs were too short to compare (see {@link SHORT_RUN_MS}). */
export function tooShort(summary: StrategySummary): boolean {
  return summary.wall.median < SHORT_RUN_MS;
}

export function verdictLines(groups: readonly SummarizedGroup[]): VerdictLine[] {
  const baseline = groups.find((group) => group.summary.strategy === BASELINE_NAME);
  const contenders = groups.filter((group) => group !== baseline);
  const names = new Set(contenders.map((group) => group.summary.strategy));
  // A sweep: some strategy ran at several concurrencies. Otherwise each strategy ran at its own level
  // (process and thread at one unit per core, async at one slot per item): race them as they ran.
  const sweep = contenders.length > names.size;
  const levels = sweep ? [...new Set(contenders.map((group) => group.summary.concurrency))] : [undefined];
  const lines: VerdictLine[] = [];
  for (const level of levels) {
    const atLevel = contenders.filter((group) => level === undefined || group.summary.concurrency === level);
    if (atLevel.length === 1 && baseline) atLevel.push(baseline);
    if (atLevel.length < 2) continue;
    const fastest = atLevel.reduce((best, group) => (mean(group.walls) < mean(best.walls) ? group : best));
    for (const other of atLevel) {
      if (other === fastest) continue;
      lines.push(verdictLine(fastest, other, level ?? fastest.summary.concurrency, sweep));
    }
  }
  return lines;
}

function verdictLine(
  fast: SummarizedGroup,
  slow: SummarizedGroup,
  concurrency: number,
  inSweep: boolean,
): VerdictLine {
  const comparison = compareSamples(fast.walls, slow.walls);
  const winner = fast.summary.strategy;
  const loser = slow.summary.strategy;
  const ratio = comparison.ratio.value;
  const uncertainty = Number.isFinite(comparison.ratio.uncertainty) ? comparison.ratio.uncertainty : null;
  const times = uncertainty === null ? ratio.toFixed(2) : `${ratio.toFixed(2)} ± ${uncertainty.toFixed(2)}`;
  const fewRuns = fewRunsNote(fast, slow);
  const short = tooShort(fast.summary);
  // One run cannot show how much the next would differ, and a run of a few milliseconds measures its
  // start-up: the ratio is told, no winner is named.
  const significant = comparison.significant && comparison.method !== 'threshold' && !short;
  let text: string;
  if (short)
    text = `no winner named between ${winner} and ${loser}: ${times} times, but ${winner}'s runs took ${formatDuration(fast.summary.wall.median)}, and ${SHORT_RUN_ADVICE}`;
  else if (significant) text = `${winner} ran ${times} times faster than ${loser}`;
  else if (comparison.method === 'welch')
    text = `${winner} and ${loser} are within the noise of each other (${times} times)`;
  else text = `no winner named between ${winner} and ${loser}: ${times} times in a single run`;
  if (fewRuns && !short) text += ` (${fewRuns})`;
  if (inSweep) text += ` at concurrency ${concurrency}`;
  return {
    concurrency,
    winner,
    loser,
    ratio,
    uncertainty,
    significant,
    text,
  };
}

/** "1 run each; noise unknown" where a side has a single run; undefined when both have several. */
function fewRunsNote(a: SummarizedGroup, b: SummarizedGroup): string | undefined {
  const single = [a, b].filter((group) => group.walls.length < 2);
  if (single.length === 0) return undefined;
  if (single.length === 2) return '1 run each; noise unknown: use --runs 2 or more';
  return `1 run of ${single[0]?.summary.strategy}; noise unknown: use --runs 2 or more`;
}
