// The statistics the bench reports, written once: medians, ranges, per-round ratios and a least-squares
// fit. No absolute time is ever judged on its own; every verdict is a ratio between contenders measured
// side by side. The bench keeps its own, rather than core's, so that what measures concur is not the code
// under measurement (and stays the same when two commits of concur are compared).

/** The median of the finite values; NaN if there are none. */
export function median(values) {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export const min = (values) => Math.min(...values.filter(Number.isFinite));
export const max = (values) => Math.max(...values.filter(Number.isFinite));

/**
 * A figure per round and what the rounds say of it: the median, and the least and greatest round. With n
 * rounds the least and greatest bound the median with probability 1 - 2 / 2^n (97% for 6, 75% for 3).
 */
export function summarizeRounds(values) {
  return { median: median(values), low: min(values), high: max(values), rounds: values.length };
}

/** Round by round, a[i] / b[i]: two contenders measured in the same round. */
export const perRound = (a, b) => a.map((value, i) => value / b[i]);

/**
 * Amdahl's law: speedup(p) = 1 / ((1 - f) + f / p). Fit the parallel fraction f by least squares on the
 * measured (p, speedup) points; f is linear in 1/speedup = 1 - f·(1 - 1/p), so the fit is closed-form.
 * concur itself fits it (core's stats/amdahl.ts, a sweep's `report.scaling`); this copy serves older
 * checkouts and the machine's own ceiling.
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
 * Of a sandwich (see `sandwiched` in interleave.mjs): each run of a contender over the mean of the two
 * reference runs either side of it, and the reference's own run-to-run ratio (the noise floor).
 */
export function sandwichRatios(reference, runs) {
  return {
    ratios: runs.map(({ value, at }) => value / ((reference[at] + reference[at + 1]) / 2)),
    noise: reference.slice(1).map((value, i) => value / reference[i]),
  };
}
