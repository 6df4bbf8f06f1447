import { describe, expect, it } from 'vitest';
import { confidenceInterval95, tCritical95 } from '../src/stats/confidence.js';

describe('95% confidence interval of the mean', () => {
  it('uses Student t for small samples: n = 3 → t(2) = 4.303', () => {
    // mean 12, s = 2, s/√3 = 1.154701, 4.303 · 1.154701 = 4.968677
    const [lo, hi] = confidenceInterval95([10, 12, 14]) ?? [Number.NaN, Number.NaN];
    expect(lo).toBeCloseTo(12 - 4.968677, 5);
    expect(hi).toBeCloseTo(12 + 4.968677, 5);
  });

  it('reads the t-table, rounding a fractional df down, and uses 1.96 beyond 30', () => {
    expect(tCritical95(1)).toBe(12.706);
    expect(tCritical95(2.7)).toBe(4.303);
    expect(tCritical95(30)).toBe(2.042);
    expect(tCritical95(31)).toBe(1.96);
  });

  it('has no interval for a single run', () => {
    expect(confidenceInterval95([5])).toBeUndefined();
  });
});
