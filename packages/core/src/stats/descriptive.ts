/**
 * Descriptive statistics of a sample. Every function ignores values that are not finite numbers (NaN marks
 * an item that never ran), and returns NaN when nothing is left to describe.
 */

/** The finite values of `values`, in their original order. */
export function finite(values: readonly number[]): number[] {
  return values.filter((value) => Number.isFinite(value));
}

/** The finite values, sorted ascending (a typed array sorts numerically, and about three times faster). */
export function sorted(values: readonly number[]): Float64Array {
  return Float64Array.from(finite(values)).sort();
}

export function mean(values: readonly number[]): number {
  const xs = finite(values);
  if (xs.length === 0) return Number.NaN;
  let sum = 0;
  for (const x of xs) sum += x;
  return sum / xs.length;
}

/** Sample standard deviation (divides by n − 1). NaN for fewer than two values: one run says nothing of noise. */
export function sd(values: readonly number[]): number {
  const xs = finite(values);
  if (xs.length < 2) return Number.NaN;
  const m = mean(xs);
  let squares = 0;
  for (const x of xs) squares += (x - m) ** 2;
  return Math.sqrt(squares / (xs.length - 1));
}

// A loop rather than Math.min(...xs): spreading a few hundred thousand item latencies overflows the stack.
export function min(values: readonly number[]): number {
  let least = Number.NaN;
  for (const x of values) if (Number.isFinite(x) && !(x >= least)) least = x;
  return least;
}

export function max(values: readonly number[]): number {
  let most = Number.NaN;
  for (const x of values) if (Number.isFinite(x) && !(x <= most)) most = x;
  return most;
}

/**
 * The q-quantile (0 ≤ q ≤ 1) by linear interpolation between the two nearest ranks: Hyndman & Fan's
 * definition 7, the default of R, NumPy and spreadsheets' PERCENTILE.INC. With sorted values x₀…xₙ₋₁ the
 * position is h = (n − 1)·q, and the result is x⌊h⌋ + (h − ⌊h⌋)·(x⌈h⌉ − x⌊h⌋).
 */
export function quantile(values: readonly number[], q: number): number {
  if (!(q >= 0 && q <= 1)) throw new RangeError(`quantile: \`q\` must be between 0 and 1, got ${q}`);
  return quantileOfSorted(sorted(values), q);
}

/** {@link quantile} for values already finite and sorted ascending (saves a sort per percentile). */
export function quantileOfSorted(xs: ArrayLike<number>, q: number): number {
  if (xs.length === 0) return Number.NaN;
  const h = (xs.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  const below = xs[lo] as number;
  const above = xs[hi] as number;
  return below + (h - lo) * (above - below);
}

export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}
