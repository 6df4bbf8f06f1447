// The interpreter: found on PATH or named by python.bin; what it is decides the strategies' traits, and
// where there is none the strategies say so in one line naming the fix.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import pythonAsyncio from '../src/asyncio.js';
import { probeInterpreter } from '../src/interpreter.js';
import pythonProcess from '../src/process.js';
import pythonThread from '../src/thread.js';
import { pythonMissing } from './python-found.js';

describe('without a Python interpreter', () => {
  it('each strategy is unavailable, with one line naming the binary and the fix', async () => {
    for (const strategy of [pythonProcess, pythonThread, pythonAsyncio])
      expect(await strategy.unavailable?.({ bin: 'no-such-python3.99' })).toBe(
        'no Python interpreter "no-such-python3.99" found: install Python 3.8 or later, or pass --option python.bin=PATH',
      );
  });

  it('a binary that is not a Python interpreter is refused, saying so', async () => {
    expect(await pythonProcess.unavailable?.({ bin: '/bin/false' })).toMatch(
      /^"\/bin\/false" did not answer as a Python interpreter .*: install Python 3\.8 or later, or pass --option python\.bin=PATH$/,
    );
  });
});

describe.skipIf(pythonMissing)('with python3', () => {
  it('reads the version and the GIL from the interpreter itself', () => {
    const probe = probeInterpreter('python3');
    expect(probe.ok).toBe(true);
    const asked = spawnSync(
      'python3',
      [
        '-c',
        'import sys; g = getattr(sys, "_is_gil_enabled", None); print(sys.version.split()[0], g() if g else True)',
      ],
      { encoding: 'utf8' },
    ).stdout.trim();
    if (probe.ok)
      expect(`${probe.interpreter.version} ${probe.interpreter.gil ? 'True' : 'False'}`).toBe(asked);
  });

  it("python-thread's traits say what the interpreter's GIL makes of threads", async () => {
    expect(await pythonThread.unavailable?.({})).toBeUndefined();
    const probe = probeInterpreter('python3');
    const gil = probe.ok && probe.interpreter.gil;
    expect(pythonThread.traits.parallel).toBe(!gil);
    expect(pythonThread.traits.execution).toBe(gil ? 'Concurrency (GIL)' : 'Parallelism (no GIL)');
    expect(pythonProcess.traits.parallel).toBe(true);
    expect(pythonAsyncio.traits.parallel).toBe(false);
    expect(pythonThread.runtime).toBe('python');
  });
});
