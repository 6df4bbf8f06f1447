/**
 * The 95% confidence interval of a mean, from Student's t distribution: small samples (a benchmark often
 * has 3 or 5 runs) get the wider interval they deserve.
 */
import { finite, mean, sd } from './descriptive.js';

/** Two-sided 95% critical values of Student's t (the 0.975 quantile) for 1…30 degrees of freedom. */
const T_975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131,
  2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

/**
 * The t value that leaves 2.5% in each tail. A fractional `df` (Welch) is rounded down, which widens the
 * interval slightly: the cautious side. Beyond 30 degrees of freedom the normal value 1.96 is close enough.
 */
export function tCritical95(df: number): number {
  if (!(df >= 1)) throw new RangeError(`tCritical95: \`df\` must be at least 1, got ${df}`);
  const whole = Math.floor(df);
  return whole > T_975.length ? 1.96 : (T_975[whole - 1] as number);
}

/** mean ± t·s/√n. Undefined for fewer than two values, where the noise is unknown. */
export function confidenceInterval95(values: readonly number[]): [number, number] | undefined {
  const xs = finite(values);
  if (xs.length < 2) return undefined;
  const m = mean(xs);
  const halfWidth = (tCritical95(xs.length - 1) * sd(xs)) / Math.sqrt(xs.length);
  return [m - halfWidth, m + halfWidth];
}
