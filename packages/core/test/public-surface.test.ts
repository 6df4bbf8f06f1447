// Each entry point names what its users call and nothing else: a change here is a change of the public API.
import { expect, it } from 'vitest';
import * as core from '../src/index.js';
import * as orchestrate from '../src/orchestrate/index.js';

const names = (entry: object) => Object.keys(entry).sort();

it('gives task, workload and strategy authors the contract, and no machinery of the command line', () => {
  expect(names(core)).toEqual(
    [
      'API_VERSION',
      'BASELINE_NAME',
      'ITEM_OUTCOMES',
      'InputError',
      'NODE_RUNTIME',
      'NOT_SETTLED',
      'ProgressCell',
      'defineService',
      'defineStrategy',
      'defineTask',
      'defineWorkload',
      'expected',
      'inputProblem',
      'taskFor',
      'workloadShapeProblem',
    ].sort(),
  );
});

it('gives the command line discovery, comparisons, the engine and the reports', () => {
  expect(names(orchestrate)).toEqual(
    [
      'COMPARISON_COLUMNS',
      'DEFAULT_STARTUP_TIMEOUT_MS',
      'DIFF_SCHEMA',
      'DIFF_VERSION',
      'DRIFT_NOTE',
      'REPORT_SCHEMA',
      'baselineStrategy',
      'compare',
      'comparisonToReport',
      'customWorkload',
      'describeSource',
      'diffReports',
      'discover',
      'failureGroupText',
      'failureReasons',
      'formatBytes',
      'formatDuration',
      'formatRatio',
      'fractionText',
      'optionsFor',
      'otherFailuresText',
      'pickStrategies',
      'pickWorkload',
      'predictionText',
      'renderReport',
      'reportToTrace',
      'resolveParams',
      'rowNotes',
      'runBaseline',
      'runStrategy',
      'runtimeOf',
      'scalingHeading',
      'scalingLines',
      'splitParamFlag',
      'startServices',
      'validateReport',
      'validateReportDiff',
      'writeFileAtomic',
      'writeReport',
      'writeTargetOf',
    ].sort(),
  );
});

it('shares no name between the two entries', () => {
  expect(names(core).filter((name) => name in orchestrate)).toEqual([]);
});
