// Forced ends: kill() after a timeout, SIGKILL for a task that ignores SIGTERM, and the engine's own timeout.
import { runStrategy } from '@concur/core/orchestrate';
import { fixtureTasks } from '@concur/core/testkit';
import { expect, it } from 'vitest';
import { fixture, loadStrategy, startUnit } from './load-strategy.js';

it('resolves the item of a hanging unit as killed when it is killed after its timeout', async () => {
  const { unit } = await startUnit(fixtureTasks.neverSettles);
  const running = unit.run({ index: 0, input: null });
  const timedOut = await Promise.race([running, new Promise((r) => setTimeout(() => r('timeout'), 200))]);
  expect(timedOut).toBe('timeout');
  await unit.kill();
  expect(await running).toMatchObject({
    ok: false,
    error: { kind: 'killed', message: expect.stringContaining('killed') },
  });
  expect(await unit.exited).toMatchObject({ signal: 'SIGTERM' });
});

it('escalates to SIGKILL when the task ignores SIGTERM', async () => {
  const { unit } = await startUnit(fixture('ignores-sigterm.mjs'));
  const running = unit.run({ index: 0, input: null });
  await new Promise((r) => setTimeout(r, 100));
  await unit.kill();
  expect(await running).toMatchObject({ ok: false, error: { kind: 'killed' } });
  expect(await unit.exited).toMatchObject({ signal: 'SIGKILL', reason: 'killed by SIGKILL' });
});

it('lets the engine time out a hanging item, replace the unit and finish the run', async () => {
  const hanging = await runStrategy({
    strategy: await loadStrategy(),
    task: fixtureTasks.neverSettles,
    inputs: [null],
    concurrency: 1,
    timeoutMs: 300,
  });
  expect(hanging.failures).toMatchObject([{ index: 0, kind: 'timeout' }]);
});
