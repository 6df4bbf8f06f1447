// The one line that says how a unit's process ended, for cases a real process cannot stage cheaply.
import { expect, it } from 'vitest';
import { exitReason } from '../src/exit-reason.js';

const end = { code: null, signal: null, stderrTail: '', fatal: undefined, killedByEngine: false };

it('suspects the system when a SIGKILL did not come from the engine', () => {
  expect(exitReason({ ...end, signal: 'SIGKILL' })).toBe(
    "killed by SIGKILL (by the system's out-of-memory killer or another process)",
  );
  expect(exitReason({ ...end, signal: 'SIGKILL', killedByEngine: true })).toBe('killed by SIGKILL');
});

it('does not call a clean exit out of memory because a task printed the words', () => {
  expect(exitReason({ ...end, code: 0, stderrTail: 'JavaScript heap out of memory' })).toBe(
    'exited with code 0',
  );
  expect(exitReason({ ...end, signal: 'SIGABRT', stderrTail: 'FATAL ERROR: Reached heap limit' })).toBe(
    'ran out of memory (JavaScript heap out of memory)',
  );
});

it('names exit code 13 as a setup that never settled', () => {
  expect(
    exitReason({ code: 13, signal: null, stderrTail: '', fatal: undefined, killedByEngine: false }),
  ).toBe(
    "exited with code 13: the task's import or setup was still waiting on a promise that never settles, and nothing kept the event loop alive",
  );
});
