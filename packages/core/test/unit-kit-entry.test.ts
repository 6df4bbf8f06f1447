import { expect, it } from 'vitest';
import * as core from '../src/index.js';
import * as runtime from '../src/unit-kit/index.js';

// Units import `@concur/core/runtime` for a fast start; a strategy's main side imports `@concur/core`. Both
// must hand out the very same classes, or a ProgressCell made on one side would not be one on the other.
it('exports the unit side of the contract as the very same modules as the main entry', () => {
  expect(runtime.ProgressCell).toBe(core.ProgressCell);
  expect(runtime.defineTask).toBe(core.defineTask);
  // Whatever else both entries export is the same object too.
  const main: Record<string, unknown> = { ...core };
  const unit: Record<string, unknown> = { ...runtime };
  const both = Object.keys(unit).filter((name) => name in main);
  expect(both.length).toBeGreaterThanOrEqual(2);
  for (const name of both) expect(unit[name], name).toBe(main[name]);
  // Loading a task is the unit's business alone: only the runtime hands it out.
  expect(runtime.loadTask).toBeTypeOf('function');
  for (const machinery of ['loadTask', 'TaskHost', 'MessageBatch', 'describeError', 'ItemSignal']) {
    expect(core).not.toHaveProperty(machinery);
  }
});
