/**
 * Reads a diff back from JSON (`concur diff --json`, or a report's `against`), checking every field as the
 * report reader does: the first bad one throws an Error naming its path ("diff.rows[0].ratio.value must be a
 * number, got null").
 */
import { array, boolean, fail, integer, type Json, object, oneOf, record, string } from './check.js';
import {
  DIFF_SCHEMA,
  DIFF_VERSION,
  type DiffRow,
  type DiffSide,
  type DiffWarning,
  type ReportDiff,
  type UnmatchedRow,
} from './diff.js';
import { checkMachine, checkParamValue } from './read-report.js';
import { checkUncertain, checkWall } from './read-summary.js';

export function validateReportDiff(json: unknown, path = 'diff'): ReportDiff {
  const o = object(json, path);
  if (o.schema !== DIFF_SCHEMA) fail(`${path}.schema`, `"${DIFF_SCHEMA}" (is this a concur diff?)`, o.schema);
  if (o.version !== DIFF_VERSION)
    fail(`${path}.version`, `${DIFF_VERSION} (the diff version this concur reads)`, o.version);
  return {
    schema: DIFF_SCHEMA,
    version: DIFF_VERSION,
    before: checkSide(o.before, `${path}.before`),
    after: checkSide(o.after, `${path}.after`),
    warnings: array(o.warnings, `${path}.warnings`, checkWarning),
    rows: array(o.rows, `${path}.rows`, checkRow),
    unmatched: array(o.unmatched, `${path}.unmatched`, checkUnmatched),
    summary: string(o.summary, `${path}.summary`),
    note: string(o.note, `${path}.note`),
  };
}

function checkSide(value: Json, path: string): DiffSide {
  const o = object(value, path);
  return {
    label: string(o.label, `${path}.label`),
    createdAt: string(o.createdAt, `${path}.createdAt`),
    machine: checkMachine(o.machine, `${path}.machine`),
    workload: string(o.workload, `${path}.workload`),
    task: string(o.task, `${path}.task`),
    params: record(o.params, `${path}.params`, checkParamValue),
    items: integer(o.items, `${path}.items`),
    runs: integer(o.runs, `${path}.runs`),
    cancelled: boolean(o.cancelled, `${path}.cancelled`),
  };
}

function checkRow(value: Json, path: string): DiffRow {
  const o = object(value, path);
  return {
    strategy: string(o.strategy, `${path}.strategy`),
    concurrency: integer(o.concurrency, `${path}.concurrency`),
    before: checkWall(o.before, `${path}.before`),
    after: checkWall(o.after, `${path}.after`),
    speedup: checkUncertain(o.speedup, `${path}.speedup`),
    ratio: checkUncertain(o.ratio, `${path}.ratio`),
    change: oneOf(o.change, `${path}.change`, ['faster', 'slower', 'same']),
    significant: boolean(o.significant, `${path}.significant`),
    method: oneOf(o.method, `${path}.method`, ['welch', 'separated', 'threshold']),
    text: string(o.text, `${path}.text`),
  };
}

function checkUnmatched(value: Json, path: string): UnmatchedRow {
  const o = object(value, path);
  return {
    strategy: string(o.strategy, `${path}.strategy`),
    concurrency: integer(o.concurrency, `${path}.concurrency`),
    in: oneOf(o.in, `${path}.in`, ['before', 'after', 'both']),
    reason: oneOf(o.reason, `${path}.reason`, [
      'only-before',
      'only-after',
      'other-concurrency',
      'cut-short',
      'other-workload',
    ]),
    text: string(o.text, `${path}.text`),
  };
}

function checkWarning(value: Json, path: string): DiffWarning {
  const o = object(value, path);
  return {
    kind: oneOf(o.kind, `${path}.kind`, [
      'machine',
      'workload',
      'params',
      'items',
      'options',
      'failures',
      'same-report',
    ]),
    text: string(o.text, `${path}.text`),
  };
}
