/** Reads a sweep's {@link ScalingFit}s back from JSON, checking every field. */
import {
  array,
  integer,
  type Json,
  nullableNumber,
  number,
  numberOrNaN,
  object,
  oneOf,
  string,
} from './check.js';
import type { ScalingFit } from './scaling.js';

export function checkScalingFit(value: Json, path: string): ScalingFit {
  const o = object(value, path);
  const ci95 = o.ci95 === null ? null : array(o.ci95, `${path}.ci95`, number);
  return {
    strategy: string(o.strategy, `${path}.strategy`),
    reference: oneOf(o.reference, `${path}.reference`, ['concurrency 1', 'baseline']),
    fraction: nullableNumber(o.fraction, `${path}.fraction`),
    ci95: ci95 === null ? null : [ci95[0] ?? Number.NaN, ci95[1] ?? Number.NaN],
    fittedLevels: array(o.fittedLevels, `${path}.fittedLevels`, integer),
    points: array(o.points, `${path}.points`, (v, p) => {
      const pt = object(v, p);
      return {
        concurrency: integer(pt.concurrency, `${p}.concurrency`),
        cores: integer(pt.cores, `${p}.cores`),
        measured: numberOrNaN(pt.measured, `${p}.measured`),
        fitted: numberOrNaN(pt.fitted, `${p}.fitted`),
      };
    }),
    predictions: array(o.predictions, `${path}.predictions`, (v, p) => {
      const pr = object(v, p);
      return { cores: integer(pr.cores, `${p}.cores`), speedup: numberOrNaN(pr.speedup, `${p}.speedup`) };
    }),
    departures: array(o.departures, `${path}.departures`, string),
  };
}
