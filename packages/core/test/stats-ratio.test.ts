import { describe, expect, it } from 'vitest';
import { ratioOfMeans } from '../src/stats/ratio.js';

describe('ratio of two means', () => {
  it('propagates the relative uncertainties in quadrature', () => {
    // r = 10/5 = 2; σr = 2·√(0.05² + 0.02²) = 2·√0.0029 = 0.107703
    const ratio = ratioOfMeans({ mean: 10, sd: 0.5 }, { mean: 5, sd: 0.1 });
    expect(ratio.value).toBe(2);
    expect(ratio.uncertainty).toBeCloseTo(0.107703, 6);
  });

  it('leaves the uncertainty unknown when a spread is unknown', () => {
    expect(ratioOfMeans({ mean: 10, sd: Number.NaN }, { mean: 5, sd: 0.1 }).uncertainty).toBeNaN();
  });
});
