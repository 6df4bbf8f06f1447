// The top level of a user's task module is the user's code too: one that exits, spins or waits for ever
// while it loads is imported where it cannot take concur with it, and gets one line naming the module and
// what it did, exit 2, with no process left behind.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { descendantsOf, startConcur, tempCwd } from './fixtures/cli/run-concur.js';
import { FAULTS, stillAlive } from './fixtures/faults/fault-run.js';

let cwd: Awaited<ReturnType<typeof tempCwd>>;
beforeAll(async () => {
  cwd = await tempCwd();
});
afterAll(() => cwd.remove());

describe.each([
  [
    'top-level-exit.mjs',
    /ended its process at its top level \(exit code 0: process\.exit while the module loads\?\)/,
  ],
  ['top-level-await.mjs', /awaits at its top level something that never settles/],
  ['top-level-loop.mjs', /did not finish importing within 10 s/],
])('a task module whose top level misbehaves: %s', (file, what) => {
  it('gets one line naming it and what it did, exit 2, and no process outlives concur', {
    timeout: 60_000,
  }, async () => {
    const task = join(FAULTS, file);
    const concur = startConcur(['run', '--task', task, '--items', '3', '-s', 'async', '--runs', '1'], {
      cwd: cwd.path,
    });
    const pid = concur.child.pid ?? Number.NaN;
    const seen = new Set<number>();
    const look = setInterval(() => {
      for (const child of descendantsOf(pid)) seen.add(child);
    }, 50);
    const finished = await concur.finished;
    clearInterval(look);
    expect(finished.code, finished.stderr).toBe(2);
    const lines = finished.stderr.trim().split('\n');
    const last = lines.at(-1) ?? '';
    expect(last.startsWith(`concur: --task ${task}: `), last).toBe(true);
    expect(last).toMatch(what);
    // Besides the error, at most the word that the import is taking long.
    for (const line of lines.slice(0, -1))
      expect(line).toMatch(/its module is still importing after 1 s; waiting up to 10 s$/);
    expect(finished.stderr).not.toMatch(/plan:/);
    expect(await stillAlive([...seen], 500)).toEqual([]);
  });
});
