/** Reads one {@link RunRecord} back from JSON, checking every field. */
import type { FailureKind, UnitSample } from '../contract/strategy.js';
import type { ItemFailure, OutputChunk, RunRecord, UnitRecord } from '../engine/run-record.js';
import {
  array,
  boolean,
  integer,
  type Json,
  number,
  numberOrNaN,
  object,
  oneOf,
  optional,
  string,
} from './check.js';
import { checkRunTimeline } from './read-timeline.js';

const FAILURE_KINDS: readonly FailureKind[] = [
  'threw',
  'not-cloneable',
  'unit-exited',
  'killed',
  'timeout',
  'cancelled',
  'spawn-failed',
];

// A run whose engine died has no figures to give: its wall, CPU and memory are NaN (null in JSON).
export function checkRunRecord(value: Json, path: string): RunRecord {
  const o = object(value, path);
  const cpu = object(o.cpu, `${path}.cpu`);
  const items = object(o.items, `${path}.items`);
  const loopDelay = object(o.loopDelay, `${path}.loopDelay`);
  const aborted = optional(o.aborted, `${path}.aborted`, string);
  const taskCpu = optional(o.taskCpu, `${path}.taskCpu`, checkCpuTimes);
  const sample = optional(o.sample, `${path}.sample`, (v, p) => {
    const s = object(v, p);
    return { items: integer(s.items, `${p}.items`), of: integer(s.of, `${p}.of`) };
  });
  const units = array(o.units, `${path}.units`, checkUnitRecord);
  const total = integer(items.total, `${path}.items.total`);
  const timeline = optional(o.timeline, `${path}.timeline`, (v, p) =>
    checkRunTimeline(v, p, total, units.length),
  );
  return {
    strategy: string(o.strategy, `${path}.strategy`),
    run: integer(o.run, `${path}.run`),
    warmup: boolean(o.warmup, `${path}.warmup`),
    concurrency: integer(o.concurrency, `${path}.concurrency`),
    wallMs: numberOrNaN(o.wallMs, `${path}.wallMs`),
    startupMs: numberOrNaN(o.startupMs, `${path}.startupMs`),
    cpu: {
      userMs: numberOrNaN(cpu.userMs, `${path}.cpu.userMs`),
      systemMs: numberOrNaN(cpu.systemMs, `${path}.cpu.systemMs`),
    },
    peakRssBytes: numberOrNaN(o.peakRssBytes, `${path}.peakRssBytes`),
    items: {
      total,
      done: integer(items.done, `${path}.items.done`),
      failed: integer(items.failed, `${path}.items.failed`),
    },
    latencyMs: array(o.latencyMs, `${path}.latencyMs`, numberOrNaN),
    serviceMs: array(o.serviceMs, `${path}.serviceMs`, numberOrNaN),
    failures: array(o.failures, `${path}.failures`, checkItemFailure),
    replacements: integer(o.replacements, `${path}.replacements`),
    units,
    loopDelay: {
      p50Ms: numberOrNaN(loopDelay.p50Ms, `${path}.loopDelay.p50Ms`),
      p99Ms: numberOrNaN(loopDelay.p99Ms, `${path}.loopDelay.p99Ms`),
      maxMs: numberOrNaN(loopDelay.maxMs, `${path}.loopDelay.maxMs`),
    },
    output: array(o.output, `${path}.output`, checkOutputChunk),
    outputTruncated: boolean(o.outputTruncated, `${path}.outputTruncated`),
    ...(timeline !== undefined && { timeline }),
    cancelled: boolean(o.cancelled, `${path}.cancelled`),
    ...(aborted !== undefined && { aborted }),
    ...(taskCpu !== undefined && { taskCpu }),
    ...(sample !== undefined && { sample }),
  };
}

function checkCpuTimes(value: Json, path: string): { userMs: number; systemMs: number } {
  const o = object(value, path);
  return { userMs: number(o.userMs, `${path}.userMs`), systemMs: number(o.systemMs, `${path}.systemMs`) };
}

function checkItemFailure(value: Json, path: string): ItemFailure {
  const o = object(value, path);
  return {
    index: integer(o.index, `${path}.index`),
    kind: oneOf(o.kind, `${path}.kind`, FAILURE_KINDS),
    message: string(o.message, `${path}.message`),
    unit: integer(o.unit, `${path}.unit`),
  };
}

function checkUnitRecord(value: Json, path: string): UnitRecord {
  const o = object(value, path);
  const sample = optional(o.sample, `${path}.sample`, checkUnitSample);
  const startupMs = optional(o.startupMs, `${path}.startupMs`, number);
  return {
    slot: integer(o.slot, `${path}.slot`),
    id: string(o.id, `${path}.id`),
    items: integer(o.items, `${path}.items`),
    failures: integer(o.failures, `${path}.failures`),
    end: string(o.end, `${path}.end`),
    ...(sample !== undefined && { sample }),
    ...(startupMs !== undefined && { startupMs }),
  };
}

const SAMPLE_FIGURES = [
  'cpuUserMs',
  'cpuSystemMs',
  'mainThreadCpuUserMs',
  'mainThreadCpuSystemMs',
  'rssBytes',
  'peakRssBytes',
  'heapUsedBytes',
  'eventLoopUtilization',
  'loopDelayP50Ms',
  'loopDelayP99Ms',
] as const;

function checkUnitSample(value: Json, path: string): UnitSample {
  const o = object(value, path);
  const sample: Record<string, unknown> = {
    scope: oneOf(o.scope, `${path}.scope`, ['process', 'thread', 'shared']),
  };
  for (const key of SAMPLE_FIGURES) {
    const figure = optional(o[key], `${path}.${key}`, number);
    if (figure !== undefined) sample[key] = figure;
  }
  return sample as unknown as UnitSample;
}

function checkOutputChunk(value: Json, path: string): OutputChunk {
  const o = object(value, path);
  return {
    unit: integer(o.unit, `${path}.unit`),
    stream: oneOf(o.stream, `${path}.stream`, ['stdout', 'stderr']),
    text: string(o.text, `${path}.text`),
  };
}
