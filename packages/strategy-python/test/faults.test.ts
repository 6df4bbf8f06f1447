// A Python task's faults, through the engine on real Python units: an exception fails its item alone, a
// sys.exit(3) ends its unit and a replacement takes over, a loop in bytecode or a C call that never lets go
// of the GIL is ended by the item's timeout; every item is accounted for, and no interpreter is left.
import { existsSync, readFileSync } from 'node:fs';
import type { Strategy } from '@concur/core';
import { runStrategy } from '@concur/core/orchestrate';
import { describe, expect, it } from 'vitest';
import pythonAsyncio from '../src/asyncio.js';
import pythonProcess from '../src/process.js';
import pythonThread from '../src/thread.js';
import { pythonMissing } from './python-found.js';

const task = (name: string) => new URL(`./fixtures/faults/${name}.py`, import.meta.url).href;
const strategies: Strategy[] = [pythonProcess, pythonThread, pythonAsyncio];

/** The interpreters a run's units lived in, from their ids ("pid 4121", "thread 0 · pid 4121"). */
const pidsOf = (units: readonly { id: string }[]) =>
  [...new Set(units.map((u) => Number(/pid (\d+)/.exec(u.id)?.[1])))].filter(Number.isInteger);
const gone = (pid: number) => !existsSync(`/proc/${pid}`) || /^State:\s+Z/m.test(procStatus(pid));
function procStatus(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return '';
  }
}

describe.skipIf(pythonMissing)('faults of a Python task', () => {
  for (const strategy of strategies) {
    const name = strategy.meta.name;

    it(`${name}: an exception fails its item as threw, with the traceback's last line`, async () => {
      const result = await runStrategy({
        strategy,
        task: task('raises'),
        inputs: [0, 1, 2, 3],
        concurrency: 2,
      });
      expect(result.items).toEqual({ total: 4, done: 2, failed: 2 });
      expect(result.failures.map((f) => [f.index, f.kind, f.message])).toEqual([
        [1, 'threw', 'ValueError: bad input 1'],
        [3, 'threw', 'ValueError: bad input 3'],
      ]);
    });

    it(`${name}: sys.exit(3) ends its unit, its item fails as unit-exited, a replacement runs the rest`, async () => {
      const result = await runStrategy({
        strategy,
        task: task('exits'),
        inputs: [0, 1, 2, 3, 4, 5, 6, 7],
        concurrency: 2,
      });
      expect(result.items).toEqual({ total: 8, done: 7, failed: 1 });
      expect(result.failures).toHaveLength(1);
      expect(result.failures[0]).toMatchObject({ index: 3, kind: 'unit-exited' });
      expect(result.failures[0]?.message).toMatch(
        name === 'python-process' ? /^unit exited with code 3\b/ : /^unit ended with sys\.exit\(3\)/,
      );
      expect(result.replacements).toBe(1);
    });

    // python-asyncio shares one loop, and the limit one process: only where the unit owns its interpreter.
    if (name === 'python-process')
      it(`${name}: a task that allocates without bound fails its item with MemoryError, and the run goes on`, async () => {
        const result = await runStrategy({
          strategy,
          task: task('allocates'),
          inputs: [0, 1, 2, 3],
          concurrency: 1,
        });
        expect(result.items).toEqual({ total: 4, done: 3, failed: 1 });
        expect(result.failures.map((f) => [f.index, f.kind, f.message])).toEqual([
          [1, 'threw', 'MemoryError'],
        ]);
      });

    for (const fixture of ['loops', 'holds_gil']) {
      // python-asyncio's loop is the units' only thread: a task that never returns to it holds them all.
      if (name === 'python-asyncio' && fixture === 'holds_gil') continue;
      it(`${name}: ${fixture === 'loops' ? 'a loop that never ends' : 'a C call holding the GIL'} times out; no interpreter is left`, async () => {
        const result = await runStrategy({
          strategy,
          task: task(fixture),
          inputs: [0, 1, 2, 3],
          concurrency: 1,
          timeoutMs: 1_500,
        });
        expect(result.items.total).toBe(4);
        expect(result.failures.map((f) => [f.index, f.kind])).toEqual([[1, 'timeout']]);
        expect(result.items.done).toBe(3);
        const pids = pidsOf(result.units);
        expect(pids.length).toBeGreaterThanOrEqual(2); // the killed unit's interpreter, and its replacement's
        // A unit killed for its timeout may still be in its kill's grace when the run returns: bounded wait.
        for (let tries = 0; !pids.every(gone) && tries < 100; tries += 1)
          await new Promise((resolve) => setTimeout(resolve, 50));
        for (const pid of pids) expect(gone(pid), `pid ${pid} still runs 5 s after the run ended`).toBe(true);
      });
    }
  }
});
