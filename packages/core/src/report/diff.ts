/**
 * Before and after: one report set against another, row by row (strategy × concurrency, the baseline
 * included). Pure: two reports in, a {@link ReportDiff} out — plain JSON, so it can be written as it is
 * (`concur diff --json`), carried inside a report (`Report.against`, from `concur run --against`) and drawn by
 * any view.
 *
 * Statistics: the same as the verdict's. A row's two samples are the wall times of its finished measured
 * runs in each report (warmups and runs cut short left out, as the summary does); `compareSamples` says
 * whether they differ outside the noise (Welch's t-test at 95 %, or ranges apart by at least 1.10, or with
 * a single run on a side only a ratio of 1.10 or more), and the ratio of the means carries its propagated
 * σ ("1.21 ± 0.04").
 *
 * What that interval does not cover: inside one comparison the runs are interleaved (A B C A B C), so
 * whatever the machine does meanwhile (other load, clock speed, temperature) falls on every strategy alike
 * and shows up as spread. Two reports are two separate sessions, one after the other: a change of the
 * machine between them moves every run of one side together and is in neither side's spread. The σ and the
 * test therefore measure the change against the run-to-run noise only; a difference they call significant
 * can still be the machine, not the code. Diffing two reports of the unchanged code, made the same way,
 * shows how large that drift is on a given machine. {@link DRIFT_NOTE} says so with every diff.
 */
import type { Params } from '../contract/workload.js';
import { BASELINE_NAME, type RunRecord } from '../engine/run-record.js';
import { confidenceInterval95 } from '../stats/confidence.js';
import { max, mean, median, min, sd } from '../stats/descriptive.js';
import { ratioOfMeans } from '../stats/ratio.js';
import { compareSamples, SINGLE_RUN_THRESHOLD } from '../stats/significance.js';
import { formatBytes, formatDuration, formatRatio } from './format.js';
import type { Machine, Report, Uncertain, WallSummary } from './types.js';

/** What `schema` always says, so a reader can tell a concur diff from a report or any other JSON. */
export const DIFF_SCHEMA = 'concur.diff';
/** Bumped on any change a reader of an older diff would trip over. */
export const DIFF_VERSION = 1;

/** Said with every diff: what its intervals leave out (see this module's comment). */
export const DRIFT_NOTE =
  'The two reports were measured one after the other, not interleaved: each ± and each "significant" ' +
  'weighs the change against the run-to-run noise only. A change of the machine between them (other load, ' +
  'clock speed, temperature) is in neither, so a few percent may be the machine rather than the code; ' +
  'diff two runs of the unchanged code to see how large that drift is here.';

/** One report of the two, as the diff names and describes it. */
export interface DiffSide {
  /** How the user named it: the file as given ("a.json"), or "this run". */
  readonly label: string;
  /** When the report was made, ISO 8601. */
  readonly createdAt: string;
  readonly machine: Machine;
  /** The workload's name. */
  readonly workload: string;
  /** The task module's specifier or file URL. */
  readonly task: string;
  readonly params: Params;
  /** Items per run. */
  readonly items: number;
  /** Measured runs asked for per row. */
  readonly runs: number;
  /** Whether that comparison was stopped before it finished. */
  readonly cancelled: boolean;
}

/** A strategy at a concurrency that both reports measured: its before and after, and the change. */
export interface DiffRow {
  /** Strategy name, or `BASELINE_NAME` for the sequential baseline. */
  readonly strategy: string;
  readonly concurrency: number;
  /** Wall time (ms) of the row's finished measured runs in the `before` report. */
  readonly before: WallSummary;
  /** The same in the `after` report. */
  readonly after: WallSummary;
  /**
   * before mean wall / after mean wall, ± propagated σ (null with a single run on a side): above 1 the after
   * side is faster, below 1 slower. The figure a chart of "how much faster" plots.
   */
  readonly speedup: Uncertain;
  /** The ratio the text states: slower mean / faster mean (≥ 1) ± σ, as in a verdict line. */
  readonly ratio: Uncertain;
  /** The after side against the before side: `same` when the difference is within the noise. */
  readonly change: 'faster' | 'slower' | 'same';
  /** Whether the difference is outside the run-to-run noise (see {@link DRIFT_NOTE} for what it is not). */
  readonly significant: boolean;
  /**
   * How that was decided (`compareSamples`): `welch` the t-test, `separated` the ranges apart by ≥ 1.10,
   * `threshold` a side with a single run, where only a ratio of 1.10 or more counts.
   */
  readonly method: 'welch' | 'separated' | 'threshold';
  /** "thread ×2: 1.84 s → 1.52 s, 1.21 ± 0.04 times faster (significant)". */
  readonly text: string;
}

/** A row that is not compared, and why. */
export interface UnmatchedRow {
  readonly strategy: string;
  readonly concurrency: number;
  /** Which report has the row: `both` when both do but it still cannot be compared. */
  readonly in: 'before' | 'after' | 'both';
  /**
   * `only-before` / `only-after`: the strategy ran in one report only; `other-concurrency`: the other report
   * ran the strategy, at other concurrencies only; `cut-short`: every measured run on a side was cancelled
   * or aborted, so its wall time says when it stopped; `other-workload`: the reports measured other work.
   */
  readonly reason: 'only-before' | 'only-after' | 'other-concurrency' | 'cut-short' | 'other-workload';
  /** "process ×4: only in a.json (this run ran process at ×2)". */
  readonly text: string;
}

/** Something that differs between the two reports and bears on what the rows mean. */
export interface DiffWarning {
  readonly kind: 'machine' | 'workload' | 'params' | 'items' | 'options' | 'failures' | 'same-report';
  /** "b.json was measured on 8 CPUs, Node v22.1.0; a.json on 2 CPUs, Node v20.11.1". */
  readonly text: string;
}

/** Two reports set against each other. Plain JSON: every number finite, nothing undefined. */
export interface ReportDiff {
  readonly schema: typeof DIFF_SCHEMA;
  readonly version: typeof DIFF_VERSION;
  readonly before: DiffSide;
  readonly after: DiffSide;
  /** Shown first, one line each: machine, Node, workload, params and options that differ. */
  readonly warnings: readonly DiffWarning[];
  /** The rows both reports measured, the baseline first, in the after report's order. */
  readonly rows: readonly DiffRow[];
  /** The rows that are not compared, each with its reason: none is dropped silently. */
  readonly unmatched: readonly UnmatchedRow[];
  /** "every row is within the noise", "1 row faster, 2 within the noise; 1 row not compared". */
  readonly summary: string;
  /** {@link DRIFT_NOTE}: what the intervals leave out. */
  readonly note: string;
}

/** How the two sides are named in the diff's lines. */
export interface DiffLabels {
  /** Default "before". */
  readonly before?: string;
  /** Default "after". */
  readonly after?: string;
}

/** Set `after` against `before`, row by row. */
export function diffReports(before: Report, after: Report, labels: DiffLabels = {}): ReportDiff {
  const sides = {
    before: describeSide(before, labels.before ?? 'before'),
    after: describeSide(after, labels.after ?? 'after'),
  };
  const groups = { before: groupsOf(before.runs), after: groupsOf(after.runs) };
  const otherWork = sides.before.workload !== sides.after.workload;
  const rows: DiffRow[] = [];
  const unmatched: UnmatchedRow[] = [];
  for (const key of orderedKeys(groups.after, groups.before)) {
    const b = groups.before.get(key);
    const a = groups.after.get(key);
    const row = (a ?? b) as Group;
    const miss = (reason: UnmatchedRow['reason'], where: UnmatchedRow['in'], why: string) =>
      unmatched.push({
        strategy: row.strategy,
        concurrency: row.concurrency,
        in: where,
        reason,
        text: `${rowName(row)}: ${why}`,
      });
    if (otherWork) {
      const where = a && b ? 'both' : a ? 'after' : 'before';
      miss(
        'other-workload',
        where,
        `not compared: ${sides.before.workload} and ${sides.after.workload} are other work`,
      );
    } else if (!a || !b) {
      const has = a ? 'after' : 'before';
      const lacks = a ? 'before' : 'after';
      const levels = [...groups[lacks].values()]
        .filter((group) => group.strategy === row.strategy)
        .map((group) => `×${group.concurrency}`);
      if (levels.length > 0)
        miss(
          'other-concurrency',
          has,
          `only in ${sides[has].label} (${sides[lacks].label} ran ${row.strategy} at ${levels.join(', ')})`,
        );
      else miss(a ? 'only-after' : 'only-before', has, `only in ${sides[has].label}`);
    } else if (a.partial || b.partial) {
      const where = a.partial && b.partial ? 'both' : a.partial ? 'after' : 'before';
      const named = where === 'both' ? `${sides.before.label} and ${sides.after.label}` : sides[where].label;
      miss('cut-short', where, `not compared: every run in ${named} was cut short`);
    } else rows.push(diffRow(b, a, sides.before.label, sides.after.label));
  }
  return {
    schema: DIFF_SCHEMA,
    version: DIFF_VERSION,
    before: sides.before,
    after: sides.after,
    warnings: [...sideWarnings(before, after, sides), ...failureWarnings(rows, groups, sides)],
    rows,
    unmatched,
    summary: summaryLine(rows, unmatched),
    note: DRIFT_NOTE,
  };
}

/** The runs of one row of a report: finished measured runs, or every measured run when none finished. */
interface Group {
  readonly strategy: string;
  readonly concurrency: number;
  readonly walls: readonly number[];
  /** Every measured run was cancelled or aborted. */
  readonly partial: boolean;
  /** Failed items over the runs used. */
  readonly failed: number;
}

/** A report's measured runs grouped by strategy and concurrency, as `summarize` groups them. */
function groupsOf(runs: readonly RunRecord[]): Map<string, Group> {
  const byKey = new Map<string, RunRecord[]>();
  for (const run of runs) {
    if (run.warmup) continue;
    const key = keyOf(run);
    const group = byKey.get(key);
    if (group) group.push(run);
    else byKey.set(key, [run]);
  }
  const groups = new Map<string, Group>();
  for (const [key, group] of byKey) {
    const first = group[0] as RunRecord;
    const finished = group.filter((run) => !run.cancelled && run.aborted === undefined);
    const used = finished.length > 0 ? finished : group;
    groups.set(key, {
      strategy: first.strategy,
      concurrency: first.concurrency,
      walls: used.map((run) => run.wallMs),
      partial: finished.length === 0,
      failed: used.reduce((sum, run) => sum + run.items.failed, 0),
    });
  }
  return groups;
}

function keyOf(row: { strategy: string; concurrency: number }): string {
  return `${row.strategy}\u0000${row.concurrency}`;
}

/** The baseline first, then the after report's rows in their order, then rows only the before report has. */
function orderedKeys(first: Map<string, Group>, second: Map<string, Group>): string[] {
  const keys = [...new Set([...first.keys(), ...second.keys()])];
  const isBaseline = (key: string) => key.startsWith(`${BASELINE_NAME}\u0000`);
  return [...keys.filter(isBaseline), ...keys.filter((key) => !isBaseline(key))];
}

function rowName(row: { strategy: string; concurrency: number }): string {
  return `${row.strategy} ×${row.concurrency}`;
}

function diffRow(before: Group, after: Group, beforeLabel: string, afterLabel: string): DiffRow {
  const comparison = compareSamples(before.walls, after.walls);
  const speedup = ratioOfMeans(
    { mean: mean(before.walls), sd: sd(before.walls) },
    { mean: mean(after.walls), sd: sd(after.walls) },
  );
  const change = !comparison.significant ? 'same' : comparison.faster === 'b' ? 'faster' : 'slower';
  const row = {
    before: wallSummary(before.walls),
    after: wallSummary(after.walls),
    speedup: uncertain(speedup),
    ratio: uncertain(comparison.ratio),
  };
  const fewRuns = fewRunsNote(before, after, beforeLabel, afterLabel);
  let result: string;
  if (change === 'same') {
    const asFast = `${formatRatio(row.speedup.value, row.speedup.uncertainty)} times as fast`;
    result = fewRuns
      ? `within the noise (${asFast}; ${fewRuns}: noise unknown, ${SINGLE_RUN_THRESHOLD.toFixed(2)} needed)`
      : `within the noise (${asFast})`;
  } else
    result =
      `${formatRatio(row.ratio.value, row.ratio.uncertainty)} times ${change} ` +
      (fewRuns ? `(${fewRuns}: noise unknown)` : '(significant)');
  return {
    strategy: after.strategy,
    concurrency: after.concurrency,
    ...row,
    change,
    significant: comparison.significant,
    method: comparison.method,
    text: `${rowName(after)}: ${formatDuration(row.before.median)} → ${formatDuration(row.after.median)}, ${result}`,
  };
}

/** "1 run each", "1 run in a.json"; undefined when both sides have several. */
function fewRunsNote(
  before: Group,
  after: Group,
  beforeLabel: string,
  afterLabel: string,
): string | undefined {
  const single = [before.walls.length < 2, after.walls.length < 2];
  if (single[0] && single[1]) return '1 run each';
  if (single[0]) return `1 run in ${beforeLabel}`;
  if (single[1]) return `1 run in ${afterLabel}`;
  return undefined;
}

function wallSummary(walls: readonly number[]): WallSummary {
  return {
    median: median(walls),
    mean: mean(walls),
    sd: orNull(sd(walls)),
    min: min(walls),
    max: max(walls),
    ci95: confidenceInterval95(walls) ?? null,
    n: walls.length,
  };
}

function uncertain(ratio: { value: number; uncertainty: number }): Uncertain {
  return { value: ratio.value, uncertainty: orNull(ratio.uncertainty) };
}

/** JSON has no NaN: an unknown figure is null. */
function orNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

function describeSide(report: Report, label: string): DiffSide {
  return {
    label,
    createdAt: report.createdAt,
    machine: report.machine,
    workload: report.workload.name,
    task: report.workload.task,
    params: report.workload.params,
    items: report.workload.items,
    runs: report.settings.runs,
    cancelled: report.cancelled,
  };
}

/** Machine, Node, workload, params, items and strategy options that differ, and an identical pair. */
function sideWarnings(
  before: Report,
  after: Report,
  sides: { before: DiffSide; after: DiffSide },
): DiffWarning[] {
  const warnings: DiffWarning[] = [];
  const { label: was } = sides.before;
  const { label: now } = sides.after;
  if (sameMeasurement(before, after))
    warnings.push({
      kind: 'same-report',
      text: `${was} and ${now} hold the same measurement (made ${before.createdAt}): every row is within the noise by construction`,
    });
  const machine = machineDifferences(before.machine, after.machine);
  if (machine.length > 0)
    warnings.push({
      kind: 'machine',
      text: `${now} was measured on ${machine.map(([, a]) => a).join(', ')}; ${was} on ${machine.map(([b]) => b).join(', ')}`,
    });
  if (sides.before.workload !== sides.after.workload)
    warnings.push({
      kind: 'workload',
      text: `${was} measured the workload ${sides.before.workload} and ${now} ${sides.after.workload}: other work, so no row is compared`,
    });
  else if (sides.before.task !== sides.after.task)
    warnings.push({
      kind: 'workload',
      text: `the task module differs: ${sides.before.task} in ${was}, ${sides.after.task} in ${now}`,
    });
  const params = changedEntries(sides.before.params, sides.after.params);
  if (params.length > 0)
    warnings.push({
      kind: 'params',
      text: `params differ (${was} → ${now}): ${params.map(([name, b, a]) => `${name} ${b} → ${a}`).join(', ')}`,
    });
  if (sides.before.items !== sides.after.items)
    warnings.push({
      kind: 'items',
      text: `${was} ran ${sides.before.items} items per run and ${now} ${sides.after.items}: the wall times cover other amounts of work`,
    });
  for (const name of after.settings.strategies) {
    if (!before.settings.strategies.includes(name)) continue;
    const then = JSON.stringify(before.settings.strategyOptions[name] ?? {});
    const today = JSON.stringify(after.settings.strategyOptions[name] ?? {});
    if (then !== today)
      warnings.push({
        kind: 'options',
        text: `${name}'s options differ: ${then} in ${was}, ${today} in ${now}`,
      });
  }
  return warnings;
}

/** Same creation time and the very same runs: a report set against itself (or a copy). */
function sameMeasurement(before: Report, after: Report): boolean {
  return before.createdAt === after.createdAt && JSON.stringify(before.runs) === JSON.stringify(after.runs);
}

/** Pairs of [before, after] descriptions of what differs: "2 CPUs", "Node v20.11.1"… */
function machineDifferences(before: Machine, after: Machine): [string, string][] {
  const aspects: [string, string][] = [
    [plural(before.cpus, 'CPU'), plural(after.cpus, 'CPU')],
    [before.cpuModel, after.cpuModel],
    [`${formatBytes(before.totalMemoryBytes)} RAM`, `${formatBytes(after.totalMemoryBytes)} RAM`],
    [`Node ${before.node}`, `Node ${after.node}`],
    [
      `${before.platform} ${before.release} ${before.arch}`,
      `${after.platform} ${after.release} ${after.arch}`,
    ],
  ];
  return aspects.filter(([b, a]) => b !== a);
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** [name, before, after] for every param whose value differs, "(none)" where a side lacks it. */
function changedEntries(before: Params, after: Params): [string, string, string][] {
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  const shown = (params: Params, name: string) =>
    Object.hasOwn(params, name) ? JSON.stringify(params[name]) : '(none)';
  return names
    .filter((name) => shown(before, name) !== shown(after, name))
    .map((name) => [name, shown(before, name), shown(after, name)]);
}

/** Compared rows where items failed: the wall time then covers less work than the items asked for. */
function failureWarnings(
  rows: readonly DiffRow[],
  groups: { before: Map<string, Group>; after: Map<string, Group> },
  sides: { before: DiffSide; after: DiffSide },
): DiffWarning[] {
  return rows.flatMap((row) => {
    const sidesFailed = (['before', 'after'] as const).flatMap((side) => {
      const failed = groups[side].get(keyOf(row))?.failed ?? 0;
      return failed > 0 ? [`${failed} item${failed === 1 ? '' : 's'} failed in ${sides[side].label}`] : [];
    });
    return sidesFailed.length === 0
      ? []
      : [
          {
            kind: 'failures' as const,
            text: `${rowName(row)}: ${sidesFailed.join(', ')}; its wall time covers less work`,
          },
        ];
  });
}

function summaryLine(rows: readonly DiffRow[], unmatched: readonly UnmatchedRow[]): string {
  const count = (change: DiffRow['change']) => rows.filter((row) => row.change === change).length;
  const rowsOf = (n: number) => `${n} row${n === 1 ? '' : 's'}`;
  let line: string;
  if (rows.length === 0) line = 'no row could be compared';
  else if (count('same') === rows.length)
    line = rows.length === 1 ? 'the row is within the noise' : 'every row is within the noise';
  else {
    const parts: string[] = [];
    const [faster, slower, same] = [count('faster'), count('slower'), count('same')];
    if (faster > 0) parts.push(`${rowsOf(faster)} faster`);
    if (slower > 0) parts.push(`${parts.length > 0 ? slower : rowsOf(slower)} slower`);
    if (same > 0) parts.push(`${same} within the noise`);
    line = parts.join(', ');
  }
  if (unmatched.length > 0 && rows.length > 0) line += `; ${rowsOf(unmatched.length)} not compared`;
  return line;
}
