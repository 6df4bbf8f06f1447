// The built-in workloads' Python twins, run by the engine on real Python units: the same inputs give the
// same answers as Node's tasks.
import { runBaseline, runStrategy } from '@concur/core/orchestrate';
import { cpuSum } from '@concur/workloads';
import { describe, expect, it } from 'vitest';
import pythonProcess from '../src/process.js';
import pythonThread from '../src/thread.js';
import { pythonMissing } from './python-found.js';

const twin = cpuSum.tasks?.python ?? '';

describe.skipIf(pythonMissing)("cpu-sum's Python twin", () => {
  it('is the article loop: the same sums as the Node task, on python-process and python-thread', async () => {
    const inputs = [0, 1, 10, 1_000, 2_500_001];
    const node = await runBaseline({ task: cpuSum.task, inputs, keepValues: true });
    expect(node.values).toEqual([0, 0, 45, 499_500, 3_125_001_250_000]);
    for (const strategy of [pythonProcess, pythonThread]) {
      const python = await runStrategy({ strategy, task: twin, inputs, concurrency: 2, keepValues: true });
      expect(python.failures, strategy.meta.name).toEqual([]);
      expect(python.values, strategy.meta.name).toEqual(node.values);
    }
  });
});
