import { describe, expect, it } from 'vitest';
import { amdahl, fitAmdahl } from '../src/stats/amdahl.js';

describe("Amdahl's law", () => {
  it('predicts the textbook speedups', () => {
    expect(amdahl(1, 8)).toBeCloseTo(8);
    expect(amdahl(0, 8)).toBeCloseTo(1);
    expect(amdahl(0.9, 8)).toBeCloseTo(1 / (0.1 + 0.9 / 8));
  });

  it('finds the parallel fraction of exact points, with a zero-width interval', () => {
    const points = [2, 4, 8].map((p) => ({ p, speedup: amdahl(0.8, p) }));
    const fit = fitAmdahl(points);
    expect(fit.fraction).toBeCloseTo(0.8, 10);
    expect(fit.n).toBe(3);
    expect(fit.ci95?.[0]).toBeCloseTo(0.8, 10);
    expect(fit.ci95?.[1]).toBeCloseTo(0.8, 10);
  });

  it('widens the interval with noisy points, and it holds the true fraction', () => {
    const points = [2, 2, 2, 4, 4, 4].map((p, i) => ({ p, speedup: amdahl(0.7, p) * (i % 2 ? 1.05 : 0.95) }));
    const fit = fitAmdahl(points);
    const [lo, hi] = fit.ci95 ?? [Number.NaN, Number.NaN];
    expect(hi - lo).toBeGreaterThan(0.01);
    expect(lo).toBeLessThan(0.7);
    expect(hi).toBeGreaterThan(0.7);
  });

  it('says nothing of noise from one point, nothing at all without a point above one core, and clamps to 0…1', () => {
    expect(fitAmdahl([{ p: 2, speedup: 1.8 }])).toEqual({
      fraction: expect.closeTo(0.889, 3),
      ci95: undefined,
      n: 1,
    });
    expect(fitAmdahl([{ p: 1, speedup: 1 }]).fraction).toBeNaN();
    expect(fitAmdahl([{ p: 2, speedup: 2.5 }]).fraction).toBe(1);
    expect(fitAmdahl([{ p: 2, speedup: 0.5 }]).fraction).toBe(0);
  });
});
