/**
 * Amdahl's law: a program whose parallel fraction is f runs S(p) = 1 / ((1 − f) + f / p) times faster on p
 * cores than on one. 1/S = 1 − f·(1 − 1/p) is linear in f, so the least-squares fit of f to measured (p, S)
 * points is a regression through the origin of y = 1 − 1/S on x = 1 − 1/p, closed-form, with the usual
 * standard error of its slope.
 */
import { tCritical95 } from './confidence.js';

export interface SpeedupPoint {
  /** Cores the program could use. */
  readonly p: number;
  /** Measured speedup over the same program on one core. */
  readonly speedup: number;
}

export interface AmdahlFit {
  /** The parallel fraction, 0…1; NaN without a point above one core. */
  readonly fraction: number;
  /** Its 95% interval (clamped to 0…1); undefined with fewer than two points, where the noise is unknown. */
  readonly ci95: readonly [number, number] | undefined;
  /** Points the fit used. */
  readonly n: number;
}

/** The speedup Amdahl's law predicts on `p` cores for parallel fraction `f`. */
export function amdahl(f: number, p: number): number {
  return 1 / (1 - f + f / p);
}

export function fitAmdahl(points: readonly SpeedupPoint[]): AmdahlFit {
  const used = points.filter((pt) => pt.p > 1 && Number.isFinite(pt.speedup) && pt.speedup > 0);
  let xy = 0;
  let xx = 0;
  for (const { p, speedup } of used) {
    const x = 1 - 1 / p;
    xy += x * (1 - 1 / speedup);
    xx += x * x;
  }
  if (xx === 0) return { fraction: Number.NaN, ci95: undefined, n: 0 };
  const slope = xy / xx;
  const fraction = clamp(slope);
  if (used.length < 2) return { fraction, ci95: undefined, n: used.length };
  let residuals = 0;
  for (const { p, speedup } of used) {
    const x = 1 - 1 / p;
    residuals += (1 - 1 / speedup - slope * x) ** 2;
  }
  const se = Math.sqrt(residuals / (used.length - 1) / xx);
  const half = tCritical95(used.length - 1) * se;
  return { fraction, ci95: [clamp(slope - half), clamp(slope + half)], n: used.length };
}

const clamp = (f: number) => Math.min(1, Math.max(0, f));
