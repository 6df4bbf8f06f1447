// The run's CPU figures cover exactly the window its wall time covers: CPU a unit spends in its teardown,
// after the last item settled, is in neither. And the task threads' own figure is kept apart.
import { expect, it } from 'vitest';
import { runBaseline } from '../src/orchestrate/index.js';
// @ts-expect-error: a plain JavaScript fixture, typed by its use here.
import { BURN_MS } from './fixtures/tasks/teardown-burns-cpu.mjs';

const burnsInTeardown = new URL('./fixtures/tasks/teardown-burns-cpu.mjs', import.meta.url).href;

it('leaves the CPU a teardown burns after the last item out of the run’s CPU', async () => {
  const result = await runBaseline({ task: burnsInTeardown, inputs: [1, 2, 3] });
  expect(result.items.done).toBe(3);
  const cpuMs = result.cpu.userMs + result.cpu.systemMs;
  // The teardown alone used BURN_MS of CPU; three echoed items and the task's import use far less.
  expect(cpuMs, 'the process CPU over the wall window').toBeLessThan(BURN_MS);
  expect(result.taskCpu).toBeDefined();
  const taskMs = (result.taskCpu?.userMs ?? 0) + (result.taskCpu?.systemMs ?? 0);
  expect(taskMs, 'the engine thread CPU over the wall window').toBeLessThan(BURN_MS);
  // The engine's own thread is one of the process's threads: its time is part of the process's (up to
  // the 10 ms ticks its clock counts in, at either end of the window).
  expect(taskMs).toBeLessThanOrEqual(cpuMs + 30);
});
