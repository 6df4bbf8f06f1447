/**
 * Outlier detection by the modified z-score of Iglewicz and Hoaglin (1993): Mᵢ = 0.6745·(xᵢ − median) / MAD,
 * where MAD is the median absolute deviation. Values with |Mᵢ| > 3.5 are flagged. It relies on the median,
 * so one wild run (a GC pause, a neighbour's build) cannot hide itself by inflating the spread.
 */
import { finite, median } from './descriptive.js';

/** Iglewicz and Hoaglin's recommended cut-off. */
export const OUTLIER_THRESHOLD = 3.5;

/**
 * The modified z-score of every value (NaN for non-finite values). When more than half the values are equal
 * the MAD is 0; then the mean absolute deviation stands in, scaled by 1.253314 (√(π/2), which makes it
 * estimate σ for normal data) instead of 1/0.6745. When that is 0 too, every value equals the median and
 * every score is 0.
 */
export function modifiedZScores(values: readonly number[]): number[] {
  const xs = finite(values);
  const m = median(xs);
  const deviations = xs.map((x) => Math.abs(x - m));
  const mad = median(deviations);
  let scale: number;
  if (mad > 0) scale = mad / 0.6745;
  else {
    const meanDeviation = deviations.reduce((sum, d) => sum + d, 0) / (deviations.length || 1);
    scale = 1.253314 * meanDeviation;
  }
  return values.map((x) => {
    if (!Number.isFinite(x)) return Number.NaN;
    return scale > 0 ? (x - m) / scale : 0;
  });
}

/** Indexes (into `values`) of the values whose |modified z-score| exceeds 3.5. */
export function outlierIndexes(values: readonly number[]): number[] {
  const flagged: number[] = [];
  modifiedZScores(values).forEach((score, index) => {
    if (Math.abs(score) > OUTLIER_THRESHOLD) flagged.push(index);
  });
  return flagged;
}
