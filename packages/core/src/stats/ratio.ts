/**
 * The ratio of two means with its uncertainty propagated to first order, as hyperfine reports
 * "X ran 1.96 ± 0.04 times faster than Y": r = a/b, σr = r·√((σa/a)² + (σb/b)²).
 */

/** A mean with its standard deviation; `sd` is NaN when unknown (a single run). */
export interface MeanAndSd {
  readonly mean: number;
  readonly sd: number;
}

export interface RatioWithUncertainty {
  readonly value: number;
  /** NaN when either side's spread is unknown. */
  readonly uncertainty: number;
}

/** a / b with propagated σ. */
export function ratioOfMeans(a: MeanAndSd, b: MeanAndSd): RatioWithUncertainty {
  const value = a.mean / b.mean;
  const uncertainty = value * Math.sqrt((a.sd / a.mean) ** 2 + (b.sd / b.mean) ** 2);
  return { value, uncertainty };
}
