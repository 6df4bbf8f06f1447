// The fault matrix on the async strategy, run as a user runs it: whatever the task does (throws a non-Error,
// returns what cannot be cloned, exits, aborts, loops for ever, exhausts its heap, never settles, floods
// stdout), the run finishes, every item is done or failed with a reason, and no process outlives concur.
import { afterAll, beforeAll, describe, it } from 'vitest';
import { tempCwd } from './fixtures/cli/run-concur.js';
import { expectFaultHandled, FAULT_MATRIX } from './fixtures/faults/fault-matrix.js';
import { runFault } from './fixtures/faults/fault-run.js';

let cwd: Awaited<ReturnType<typeof tempCwd>>;
beforeAll(async () => {
  cwd = await tempCwd();
});
afterAll(() => cwd.remove());

describe('async strategy: a faulty task never takes concur down', () => {
  it.each(FAULT_MATRIX.async)('$fault', async (fault) => {
    const run = await runFault({
      cwd: cwd.path,
      strategy: 'async',
      fault: fault.fault,
      ...(fault.extraArgs ? { extraArgs: fault.extraArgs } : {}),
      ...(fault.env ? { env: fault.env } : {}),
    });
    expectFaultHandled(run, 'async', fault);
  });
});
