// The few statistics the bench reports: medians, per-round ratios and a least-squares fit. No absolute
// time is ever judged on its own; every verdict is a ratio between contenders measured side by side.

export function median(values) {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export const min = (values) => Math.min(...values.filter(Number.isFinite));
export const max = (values) => Math.max(...values.filter(Number.isFinite));

/**
 * Amdahl's law: speedup(p) = 1 / ((1 - f) + f / p). Fit the parallel fraction f by least squares on the
 * measured (p, speedup) points; f is linear in 1/speedup = 1 - f·(1 - 1/p), so the fit is closed-form.
 */
export function fitAmdahl(points) {
  let num = 0;
  let den = 0;
  for (const { p, speedup } of points) {
    const x = 1 - 1 / p; // 1/S = 1 - f·x
    const y = 1 - 1 / speedup;
    num += x * y;
    den += x * x;
  }
  if (den === 0) return Number.NaN;
  return Math.min(1, Math.max(0, num / den));
}

export const amdahl = (f, p) => 1 / (1 - f + f / p);

/**
 * Per round of a sandwich (see `sandwiched`): the contender's figure over the mean of the reference's
 * either side of it, and the reference's own round-to-round ratio (its noise floor).
 */
export function sandwichRatios(reference, contender) {
  return {
    ratios: contender.map((value, i) => value / ((reference[i] + reference[i + 1]) / 2)),
    noise: contender.map((_, i) => reference[i + 1] / reference[i]),
  };
}
