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
      'InputError',
      'ProgressCell',
      'defineService',
      'defineStrategy',
      'defineTask',
      'defineWorkload',
      'expected',
      'workloadShapeProblem',
      // Kept for the unit packages until they import them from @concur/core/runtime.
      'ItemSignal',
      'MessageBatch',
      'TaskHost',
      'describeError',
      'toTaskRef',
    ].sort(),
  );
});

it('gives the command line discovery, comparisons, the engine and the reports', () => {
  expect(names(orchestrate)).toEqual(
    [
      'COMPARISON_COLUMNS',
      'baselineStrategy',
      'compare',
      'comparisonToReport',
      'customWorkload',
      'describeSource',
      'discover',
      'formatBytes',
      'formatDuration',
      'pickStrategies',
      'pickWorkload',
      'renderReport',
      'resolveParams',
      'runBaseline',
      'runStrategy',
      'splitParamFlag',
      'startServices',
      'validateReport',
      'writeReport',
    ].sort(),
  );
});

it('shares no name between the two entries', () => {
  expect(names(core).filter((name) => name in orchestrate)).toEqual([]);
});
