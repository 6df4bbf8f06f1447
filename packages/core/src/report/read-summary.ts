/** Reads the summary rows and verdict lines back from JSON, checking every field. */
import {
  array,
  boolean,
  integer,
  type Json,
  nullableNumber,
  number,
  numberOrNaN,
  object,
  string,
} from './check.js';
import type { StrategySummary, Uncertain, VerdictLine, WallSummary } from './types.js';

export function checkStrategySummary(value: Json, path: string): StrategySummary {
  const o = object(value, path);
  const latency = object(o.latencyMs, `${path}.latencyMs`);
  return {
    strategy: string(o.strategy, `${path}.strategy`),
    concurrency: integer(o.concurrency, `${path}.concurrency`),
    wall: checkWall(o.wall, `${path}.wall`),
    startupMs: numberOrNaN(o.startupMs, `${path}.startupMs`),
    cpuUtilisation: numberOrNaN(o.cpuUtilisation, `${path}.cpuUtilisation`),
    // Reports written before the task threads' figure and its ceiling were kept: none, and no ceiling known.
    taskCpuUtilisation:
      o.taskCpuUtilisation === undefined
        ? null
        : nullableNumber(o.taskCpuUtilisation, `${path}.taskCpuUtilisation`),
    cpuCeiling:
      o.cpuCeiling === undefined ? Number.POSITIVE_INFINITY : number(o.cpuCeiling, `${path}.cpuCeiling`),
    peakRssBytes: numberOrNaN(o.peakRssBytes, `${path}.peakRssBytes`),
    latencyMs: {
      p50: nullableNumber(latency.p50, `${path}.latencyMs.p50`),
      p95: nullableNumber(latency.p95, `${path}.latencyMs.p95`),
      p99: nullableNumber(latency.p99, `${path}.latencyMs.p99`),
    },
    serviceP50Ms: nullableNumber(o.serviceP50Ms, `${path}.serviceP50Ms`),
    throughput: numberOrNaN(o.throughput, `${path}.throughput`),
    speedup: o.speedup === null ? null : checkUncertain(o.speedup, `${path}.speedup`),
    idealSpeedup: number(o.idealSpeedup, `${path}.idealSpeedup`),
    efficiency: nullableNumber(o.efficiency, `${path}.efficiency`),
    failures: integer(o.failures, `${path}.failures`),
    // A report written before the share was kept: its failures column still says how many failed.
    failedShare: o.failedShare === undefined ? 0 : number(o.failedShare, `${path}.failedShare`),
    outlierRuns: array(o.outlierRuns, `${path}.outlierRuns`, integer),
    partial: boolean(o.partial, `${path}.partial`),
    ...(o.estimate === undefined ? {} : { estimate: checkEstimate(o.estimate, `${path}.estimate`) }),
  };
}

export function checkWall(value: Json, path: string): WallSummary {
  const o = object(value, path);
  return {
    median: numberOrNaN(o.median, `${path}.median`),
    mean: numberOrNaN(o.mean, `${path}.mean`),
    sd: nullableNumber(o.sd, `${path}.sd`),
    min: numberOrNaN(o.min, `${path}.min`),
    max: numberOrNaN(o.max, `${path}.max`),
    ci95: o.ci95 === null ? null : checkInterval(o.ci95, `${path}.ci95`),
    n: integer(o.n, `${path}.n`),
  };
}

function checkInterval(value: Json, path: string): [number, number] {
  const bounds = array(value, path, number);
  if (bounds.length !== 2) throw new Error(`${path} must be [low, high], got ${bounds.length} numbers`);
  return [bounds[0] as number, bounds[1] as number];
}

export function checkUncertain(value: Json, path: string): Uncertain {
  const o = object(value, path);
  return {
    value: number(o.value, `${path}.value`),
    uncertainty: nullableNumber(o.uncertainty, `${path}.uncertainty`),
  };
}

export function checkVerdictLine(value: Json, path: string): VerdictLine {
  const o = object(value, path);
  return {
    concurrency: integer(o.concurrency, `${path}.concurrency`),
    winner: string(o.winner, `${path}.winner`),
    loser: string(o.loser, `${path}.loser`),
    ratio: number(o.ratio, `${path}.ratio`),
    uncertainty: nullableNumber(o.uncertainty, `${path}.uncertainty`),
    significant: boolean(o.significant, `${path}.significant`),
    text: string(o.text, `${path}.text`),
  };
}

function checkEstimate(value: Json, path: string): { items: number; of: number; relativeError: number } {
  const o = object(value, path);
  return {
    items: integer(o.items, `${path}.items`),
    of: integer(o.of, `${path}.of`),
    relativeError: number(o.relativeError, `${path}.relativeError`),
  };
}
