import { describe, expect, it } from 'vitest';
import { max, mean, median, min, quantile, sd } from '../src/stats/descriptive.js';

describe('descriptive statistics', () => {
  it('takes the median of an even sample as the midpoint of the middle two', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([3, 1, 2])).toBe(2);
  });

  it('computes the mean and the sample standard deviation (n − 1)', () => {
    const sample = [2, 4, 4, 4, 5, 5, 7, 9];
    expect(mean(sample)).toBe(5);
    // Squared deviations sum to 32; 32 / 7 = 4.5714…; √ = 2.13809.
    expect(sd(sample)).toBeCloseTo(2.13809, 5);
  });

  it('says the spread of a single value is unknown', () => {
    expect(sd([42])).toBeNaN();
  });

  it('interpolates quantiles linearly between ranks (Hyndman–Fan 7)', () => {
    // h = (4 − 1)·0.25 = 0.75 → 1 + 0.75·(2 − 1)
    expect(quantile([1, 2, 3, 4], 0.25)).toBe(1.75);
    // h = 4·0.95 = 3.8 → 40 + 0.8·10
    expect(quantile([50, 10, 40, 20, 30], 0.95)).toBeCloseTo(48, 10);
    expect(quantile([7], 0.99)).toBe(7);
    expect(quantile([1, 2, 3], 0)).toBe(1);
    expect(quantile([1, 2, 3], 1)).toBe(3);
  });

  it('ignores NaN, which marks an item that never ran', () => {
    expect(median([1, Number.NaN, 3])).toBe(2);
    expect(mean([Number.NaN, 2, 4])).toBe(3);
    expect(min([Number.NaN, 5, 2])).toBe(2);
    expect(max([Number.NaN, 5, 2])).toBe(5);
    expect(median([Number.NaN])).toBeNaN();
    expect(min([])).toBeNaN();
  });

  it('takes the min and max of samples too large to spread into Math.min', () => {
    const many = Array.from({ length: 300_000 }, (_, i) => i);
    expect(min(many)).toBe(0);
    expect(max(many)).toBe(299_999);
  });

  it('rejects a quantile outside 0…1', () => {
    expect(() => quantile([1], 1.5)).toThrow('`q` must be between 0 and 1, got 1.5');
  });
});
