import { describe, expect, it } from 'vitest';
import { modifiedZScores, outlierIndexes } from '../src/stats/outliers.js';

describe('modified z-score outliers', () => {
  it('flags a planted outlier and none of the others', () => {
    const walls = [10, 11, 10.5, 10.2, 10.8, 30];
    expect(outlierIndexes(walls)).toEqual([5]);
    // median 10.65, MAD 0.4: M(30) = 0.6745 · 19.35 / 0.4
    expect(modifiedZScores(walls)[5]).toBeCloseTo((0.6745 * 19.35) / 0.4, 6);
  });

  it('falls back to the mean absolute deviation when the MAD is 0', () => {
    // median 5, MAD 0, mean absolute deviation 0.8: M(9) = 4 / (1.253314 · 0.8) = 3.99
    expect(modifiedZScores([5, 5, 5, 5, 9])[4]).toBeCloseTo(4 / (1.253314 * 0.8), 6);
    expect(outlierIndexes([5, 5, 5, 5, 9])).toEqual([4]);
  });

  it('flags nothing when every value is equal, and skips NaN', () => {
    expect(outlierIndexes([3, 3, 3])).toEqual([]);
    expect(modifiedZScores([3, Number.NaN, 3])).toEqual([0, Number.NaN, 0]);
  });
});
