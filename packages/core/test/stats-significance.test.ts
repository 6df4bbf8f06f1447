import { describe, expect, it } from 'vitest';
import { compareSamples } from '../src/stats/significance.js';

describe('is a difference outside the noise', () => {
  it('refuses a winner for overlapping noisy samples', () => {
    const result = compareSamples([100, 120, 90, 110], [105, 95, 115, 100]);
    expect(result.significant).toBe(false);
    expect(result.method).toBe('welch');
  });

  it('names the faster one for clearly separated samples', () => {
    const result = compareSamples([200, 202, 198, 201], [100, 101, 99, 100]);
    expect(result).toMatchObject({ faster: 'b', significant: true, method: 'welch' });
    expect(result.ratio.value).toBeCloseTo(801 / 400, 10);
  });

  it('uses the t-table, not 1.96, for small samples', () => {
    // s = 1 on both sides, df = 4, t(4) = 2.776. Means 2 vs 5: t = 3 / √(2/3) = 3.67 → significant.
    expect(compareSamples([1, 2, 3], [4, 5, 6]).significant).toBe(true);
    // Means 2 vs 4: t = 2.449, above 1.96 yet below 2.776 → within the noise.
    expect(compareSamples([1, 2, 3], [3, 4, 5]).significant).toBe(false);
  });

  it('with one run each, names a winner only beyond the 1.10 threshold', () => {
    expect(compareSamples([100], [105])).toMatchObject({ significant: false, method: 'threshold' });
    const clear = compareSamples([120], [100]);
    expect(clear).toMatchObject({ faster: 'b', significant: true, method: 'threshold' });
    expect(clear.ratio.uncertainty).toBeNaN();
  });

  it('treats identical deterministic samples as no difference', () => {
    expect(compareSamples([5, 5], [5, 5]).significant).toBe(false);
    expect(compareSamples([5, 5], [6, 6]).significant).toBe(true);
  });

  it('names a winner whose runs all beat every run of the other by 10 % or more, where two runs defeat the t-test', () => {
    // The measured case: 143 ± 7 ms against 1.16 ± 0.16 s over two runs each. Welch: t ≈ 9.3 at about one
    // degree of freedom, below 12.7; yet the ranges are eight times apart.
    expect(compareSamples([1050, 1270], [138, 148])).toMatchObject({
      faster: 'b',
      significant: true,
      method: 'separated',
    });
    // Apart, but by less than the threshold: still within the noise.
    expect(compareSamples([104, 106], [100, 101])).toMatchObject({ significant: false, method: 'welch' });
  });
});
