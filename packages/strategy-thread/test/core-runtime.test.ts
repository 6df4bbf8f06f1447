import * as core from '@concur/core';
import { expect, it } from 'vitest';
import { loadUnitRuntime } from '../src/core-runtime.js';

// If this fails, core moved its files: workers still work (through core's main entry) but start slower.
// Point core-runtime.ts at the new paths, or at core's own unit-side entry once it has one.
it('loads the worker’s share of @concur/core without its main entry, as the very same modules', async () => {
  const runtime = await loadUnitRuntime();
  expect(runtime.source).toBe('unit modules');
  expect(runtime.TaskHost).toBe(core.TaskHost);
  expect(runtime.ProgressCell).toBe(core.ProgressCell);
  expect(runtime.describeError).toBe(core.describeError);
});
