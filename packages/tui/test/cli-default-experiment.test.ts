// `concur` alone without a terminal (CI set): no dashboard, the default experiment (article-cpu) with
// plain output. Stopped early here — the whole experiment takes a minute — which also covers a signal
// arriving while the engine is stuck in a synchronous CPU-bound item and cannot answer at once.
import { describe, expect, it } from 'vitest';
import { descendantsOf, isAlive, startConcur, tempCwd } from './fixtures/cli/run-concur.js';

describe('concur with no arguments and no terminal', () => {
  it('runs article-cpu with plain progress, and a SIGTERM still ends it promptly with no child left', async () => {
    const cwd = await tempCwd();
    try {
      const concur = startConcur([], { cwd: cwd.path });
      await concur.waitForStderr(/^\[1\/\d+\] baseline ×1 run 1 …$/m);
      expect(concur.stderr()).toMatch(
        /^article-cpu: plan: \d+ runs of 4 items each \(baseline, process, thread, async(, queue)?\)$/m,
      );
      // The engine process, once forked, goes straight into the first one-second item.
      const pid = concur.child.pid ?? Number.NaN;
      let tree: number[] = [];
      for (let tries = 0; tree.length === 0 && tries < 100; tries += 1) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        tree = descendantsOf(pid);
      }
      expect(tree.length).toBeGreaterThanOrEqual(1);
      await new Promise((resolve) => setTimeout(resolve, 500));

      const sentAt = Date.now();
      concur.child.kill('SIGTERM');
      const finished = await concur.finished;
      expect(finished.code, finished.stderr).toBe(143);
      // Liveness, not a benchmark: the deadline is under two seconds; a stuck shutdown would take far longer.
      expect(Date.now() - sentAt).toBeLessThan(5_000);
      expect(tree.filter(isAlive)).toEqual([]);
      expect(finished.stdout).toMatch(/Cancelled before it finished/);
    } finally {
      await cwd.remove();
    }
  });
});
