import { expect, it } from 'vitest';
import type { Unit } from '../src/index.js';
import { runStrategy } from '../src/orchestrate/index.js';
import { fixtureTasks, inline } from './fixtures/engine.js';

const timers = () => process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;

it('bounds the start of a thousand units with one ready timeout, not a timer each', async () => {
  const held: (() => void)[] = [];
  let timersWhileStarting = -1;
  const slowToStart = {
    ...inline,
    spawn: (spec: Parameters<typeof inline.spawn>[0]) =>
      new Promise<Unit>((resolve, reject) => {
        held.push(() => inline.spawn(spec).then(resolve, reject));
        // Every unit asked for: count the timers while all of them are still starting, then let them go.
        if (held.length === 1_000)
          setImmediate(() => {
            timersWhileStarting = timers();
            for (const release of held) release();
          });
      }),
  };
  const before = timers();
  const result = await runStrategy({
    strategy: slowToStart,
    task: fixtureTasks.echo,
    inputs: Array.from({ length: 1_000 }, (_, i) => i),
    concurrency: 1_000,
    readyTimeoutMs: 60_000,
  });
  expect(result.items).toEqual({ total: 1_000, done: 1_000, failed: 0 });
  // The engine's own timers (sampler, loop ticks, item deadlines) are a handful; a timer per unit is 1,000.
  expect(timersWhileStarting).toBeGreaterThanOrEqual(before);
  expect(timersWhileStarting - before).toBeLessThan(20);
}, 60_000);

it('fails a unit that is not ready in time, and kills it when it turns up late', async () => {
  let spawns = 0;
  const killed: string[] = [];
  const firstIsLate = {
    ...inline,
    spawn: async (spec: Parameters<typeof inline.spawn>[0]) => {
      spawns += 1;
      const unit = await inline.spawn(spec);
      const kill = unit.kill.bind(unit);
      unit.kill = () => {
        killed.push(unit.id);
        return kill();
      };
      // The first unit arrives long after its ready timeout; its replacement is ready at once.
      if (spawns === 1) await new Promise((resolve) => setTimeout(resolve, 600));
      return unit;
    },
  };
  const result = await runStrategy({
    strategy: firstIsLate,
    task: fixtureTasks.echo,
    inputs: [1, 2, 3],
    concurrency: 1,
    readyTimeoutMs: 200,
  });
  expect(result.items).toEqual({ total: 3, done: 3, failed: 0 });
  expect(result.replacements).toBe(1);
  // The late one is killed once it turns up, after the run that no longer needs it.
  await new Promise((resolve) => setTimeout(resolve, 800));
  expect(killed).toHaveLength(1);
}, 30_000);
