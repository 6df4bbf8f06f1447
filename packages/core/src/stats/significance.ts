/**
 * Is one sample of times really smaller than another, or is the difference inside the noise? With at least
 * two values on each side: Welch's t-test at 95% (it does not assume equal spreads) — or, since with two or
 * three runs its critical value is huge (12.7 at one degree of freedom), samples whose ranges do not even
 * overlap and whose means differ by at least {@link SINGLE_RUN_THRESHOLD}. With fewer values the noise is
 * unknown, so a winner is named only when it is faster by at least that threshold.
 */
import { tCritical95 } from './confidence.js';
import { finite, max, mean, min, sd } from './descriptive.js';
import { type RatioWithUncertainty, ratioOfMeans } from './ratio.js';

/** With a single run on a side, only a ratio of at least 1.10 (10% faster) counts as a difference. */
export const SINGLE_RUN_THRESHOLD = 1.1;

export interface SampleComparison {
  /** Which sample has the smaller mean (`a` on a tie). */
  readonly faster: 'a' | 'b';
  /** Slower mean / faster mean (≥ 1), with propagated uncertainty (NaN when a side has one value). */
  readonly ratio: RatioWithUncertainty;
  /** Whether the difference is outside the noise. */
  readonly significant: boolean;
  /**
   * `welch`: t-test on two samples of ≥ 2; `separated`: the t-test could not tell, but the ranges are apart
   * and the ratio is past the threshold; `threshold`: too few values to measure noise.
   */
  readonly method: 'welch' | 'separated' | 'threshold';
}

/** Compare two samples of times (smaller is faster). Non-finite values are ignored. */
export function compareSamples(a: readonly number[], b: readonly number[]): SampleComparison {
  const xa = finite(a);
  const xb = finite(b);
  if (xa.length === 0 || xb.length === 0)
    throw new RangeError('compareSamples: each sample needs at least one finite value');
  const sa = { mean: mean(xa), sd: sd(xa) };
  const sb = { mean: mean(xb), sd: sd(xb) };
  const faster = sb.mean < sa.mean ? 'b' : 'a';
  const ratio = faster === 'a' ? ratioOfMeans(sb, sa) : ratioOfMeans(sa, sb);
  if (xa.length < 2 || xb.length < 2)
    return { faster, ratio, significant: ratio.value >= SINGLE_RUN_THRESHOLD, method: 'threshold' };
  if (welchSignificant(xa.length, sa, xb.length, sb))
    return { faster, ratio, significant: true, method: 'welch' };
  const [fast, slow] = faster === 'a' ? [xa, xb] : [xb, xa];
  const apart = max(fast) < min(slow) && ratio.value >= SINGLE_RUN_THRESHOLD;
  return { faster, ratio, significant: apart, method: apart ? 'separated' : 'welch' };
}

/** Welch's t-test, two-sided at 95%, degrees of freedom by Welch–Satterthwaite. */
function welchSignificant(
  na: number,
  a: { mean: number; sd: number },
  nb: number,
  b: { mean: number; sd: number },
): boolean {
  const va = a.sd ** 2 / na;
  const vb = b.sd ** 2 / nb;
  const standardError = Math.sqrt(va + vb);
  // No spread at all on either side (a deterministic clock, or identical runs): any difference is real.
  if (standardError === 0) return a.mean !== b.mean;
  const t = Math.abs(a.mean - b.mean) / standardError;
  const df = (va + vb) ** 2 / (va ** 2 / (na - 1) + vb ** 2 / (nb - 1));
  return t > tCritical95(Math.max(1, df));
}
