/** Assembles a report from what the engine measured. */
import { availableParallelism, cpus, release, totalmem } from 'node:os';
import type { RunRecord } from '../engine/run-record.js';
import { scalingFits } from './scaling.js';
import { summarize } from './summarize.js';
import {
  type Machine,
  REPORT_SCHEMA,
  REPORT_VERSION,
  type Report,
  type ServiceUsage,
  type Settings,
  type StrategyTraits,
  type WorkloadInfo,
} from './types.js';

/** What {@link buildReport} needs; the summary and verdict are computed from `runs`. */
export interface ReportInput {
  readonly workload: WorkloadInfo;
  readonly settings: Settings;
  readonly traits: readonly StrategyTraits[];
  readonly runs: readonly RunRecord[];
  readonly services?: readonly ServiceUsage[];
  readonly recommendation?: string;
  /** Defaults to whether any run was cancelled. */
  readonly cancelled?: boolean;
  /** Defaults to this machine. */
  readonly machine?: Machine;
  /** Defaults to now. */
  readonly createdAt?: Date;
}

export function buildReport(input: ReportInput): Report {
  const machine = input.machine ?? describeMachine();
  const { summary, verdict } = summarize(input.runs, input.workload.items, machine.cpus);
  const scaling = scalingFits(input.runs, summary, machine.cpus, input.workload.items);
  return {
    schema: REPORT_SCHEMA,
    version: REPORT_VERSION,
    createdAt: (input.createdAt ?? new Date()).toISOString(),
    machine,
    workload: input.workload,
    settings: withFiniteTimeout(input.settings),
    traits: input.traits,
    ...(input.services !== undefined && { services: input.services }),
    runs: input.runs,
    summary,
    verdict,
    ...(scaling.length > 0 && { scaling }),
    ...(input.recommendation !== undefined && { recommendation: input.recommendation }),
    cancelled: input.cancelled ?? input.runs.some((run) => run.cancelled),
  };
}

/** The machine this process runs on. */
export function describeMachine(): Machine {
  return {
    // The cores this process may use, which a container or affinity mask can make fewer than the hardware's.
    cpus: availableParallelism(),
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    totalMemoryBytes: totalmem(),
    node: process.version,
    v8: process.versions.v8,
    platform: process.platform,
    release: release(),
    arch: process.arch,
  };
}

/** An endless timeout (Infinity) is stored as null: JSON would turn Infinity into null anyway, silently. */
function withFiniteTimeout(settings: Settings): Settings {
  const { timeoutMs } = settings;
  return timeoutMs === null || Number.isFinite(timeoutMs) ? settings : { ...settings, timeoutMs: null };
}
