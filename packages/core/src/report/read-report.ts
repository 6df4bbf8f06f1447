/**
 * Reads a report back from JSON (a file written earlier, another machine's comparison). Every field is
 * checked; the first bad one throws an Error that names its path: "report.runs[2].wallMs must be a number,
 * got \"abc\"". The result is a fresh object holding only the fields of the schema, with the NaN that JSON
 * stored as null restored in per-item figures.
 */
import type { Traits } from '../contract/strategy.js';
import type { ParamValue } from '../contract/workload.js';
import {
  array,
  boolean,
  fail,
  integer,
  type Json,
  nullableNumber,
  number,
  object,
  oneOf,
  optional,
  record,
  string,
} from './check.js';
import { validateReportDiff } from './read-diff.js';
import { checkRunRecord } from './read-run.js';
import { checkScalingFit } from './read-scaling.js';
import { checkStrategySummary, checkVerdictLine } from './read-summary.js';
import {
  type Machine,
  READABLE_REPORT_VERSIONS,
  REPORT_SCHEMA,
  REPORT_VERSION,
  type Report,
  type ServiceUsage,
  type Settings,
  type StrategyTraits,
  type WorkloadInfo,
} from './types.js';

export function validateReport(json: unknown): Report {
  const o = object(json, 'report');
  if (o.schema !== REPORT_SCHEMA)
    fail('report.schema', `"${REPORT_SCHEMA}" (is this a concur report?)`, o.schema);
  if (!READABLE_REPORT_VERSIONS.includes(o.version as number))
    fail(
      'report.version',
      `${READABLE_REPORT_VERSIONS.join(' or ')} (the report versions this concur reads)`,
      o.version,
    );
  const services = optional(o.services, 'report.services', (v, p) => array(v, p, checkService));
  const recommendation = optional(o.recommendation, 'report.recommendation', string);
  const against = optional(o.against, 'report.against', validateReportDiff);
  const scaling = optional(o.scaling, 'report.scaling', (v, p) => array(v, p, checkScalingFit));
  return {
    schema: REPORT_SCHEMA,
    version: REPORT_VERSION,
    createdAt: string(o.createdAt, 'report.createdAt'),
    machine: checkMachine(o.machine, 'report.machine'),
    workload: checkWorkload(o.workload, 'report.workload'),
    settings: checkSettings(o.settings, 'report.settings'),
    traits: array(o.traits, 'report.traits', checkStrategyTraits),
    ...(services !== undefined && { services }),
    runs: array(o.runs, 'report.runs', checkRunRecord),
    summary: array(o.summary, 'report.summary', checkStrategySummary),
    verdict: array(o.verdict, 'report.verdict', checkVerdictLine),
    ...(scaling !== undefined && { scaling }),
    ...(recommendation !== undefined && { recommendation }),
    cancelled: boolean(o.cancelled, 'report.cancelled'),
    ...(against !== undefined && { against }),
  };
}

export function checkMachine(value: Json, path: string): Machine {
  const o = object(value, path);
  return {
    cpus: integer(o.cpus, `${path}.cpus`),
    cpuModel: string(o.cpuModel, `${path}.cpuModel`),
    totalMemoryBytes: number(o.totalMemoryBytes, `${path}.totalMemoryBytes`),
    node: string(o.node, `${path}.node`),
    v8: string(o.v8, `${path}.v8`),
    platform: string(o.platform, `${path}.platform`),
    release: string(o.release, `${path}.release`),
    arch: string(o.arch, `${path}.arch`),
  };
}

function checkWorkload(value: Json, path: string): WorkloadInfo {
  const o = object(value, path);
  return {
    name: string(o.name, `${path}.name`),
    description: string(o.description, `${path}.description`),
    kind: oneOf(o.kind, `${path}.kind`, ['cpu', 'io', 'mixed']),
    task: string(o.task, `${path}.task`),
    params: record(o.params, `${path}.params`, checkParamValue),
    items: integer(o.items, `${path}.items`),
  };
}

export function checkParamValue(value: Json, path: string): ParamValue {
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  return number(value, path);
}

function checkSettings(value: Json, path: string): Settings {
  const o = object(value, path);
  return {
    concurrency: array(o.concurrency, `${path}.concurrency`, integer),
    runs: integer(o.runs, `${path}.runs`),
    warmup: integer(o.warmup, `${path}.warmup`),
    timeoutMs: nullableNumber(o.timeoutMs, `${path}.timeoutMs`),
    strategies: array(o.strategies, `${path}.strategies`, string),
    // Option values are whatever the strategy accepts; only their shape is checked here.
    strategyOptions: record(o.strategyOptions, `${path}.strategyOptions`, object),
  };
}

function checkStrategyTraits(value: Json, path: string): StrategyTraits {
  const o = object(value, path);
  return {
    name: string(o.name, `${path}.name`),
    model: string(o.model, `${path}.model`),
    summary: string(o.summary, `${path}.summary`),
    traits: checkTraits(o.traits, `${path}.traits`),
  };
}

function checkTraits(value: Json, path: string): Traits {
  const o = object(value, path);
  const inEngineLoop = optional(o.inEngineLoop, `${path}.inEngineLoop`, boolean);
  return {
    unit: string(o.unit, `${path}.unit`),
    memory: string(o.memory, `${path}.memory`),
    parallel: boolean(o.parallel, `${path}.parallel`),
    execution: string(o.execution, `${path}.execution`),
    bestFor: string(o.bestFor, `${path}.bestFor`),
    pros: array(o.pros, `${path}.pros`, string),
    cons: array(o.cons, `${path}.cons`, string),
    ...(inEngineLoop !== undefined && { inEngineLoop }),
  };
}

function checkService(value: Json, path: string): ServiceUsage {
  const o = object(value, path);
  const peakRssBytes = optional(o.peakRssBytes, `${path}.peakRssBytes`, number);
  return {
    name: string(o.name, `${path}.name`),
    cpuUserMs: number(o.cpuUserMs, `${path}.cpuUserMs`),
    cpuSystemMs: number(o.cpuSystemMs, `${path}.cpuSystemMs`),
    ...(peakRssBytes !== undefined && { peakRssBytes }),
  };
}
