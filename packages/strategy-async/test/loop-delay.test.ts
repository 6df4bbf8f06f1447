import { makeSpec } from '@concur/core/testkit';
import { expect, it } from 'vitest';
import strategy from '../src/index.js';
import { fixture } from './fixture-url.js';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

it('shows a CPU-bound item as event-loop delay and utilisation in every slot’s sample', async () => {
  // Import the task once beforehand, so that the spawns below return at once, as they do in a real run.
  await (await strategy.spawn(makeSpec(fixture('spin.mjs')))).close();
  const [spinning, waiting] = await Promise.all(
    [0, 1].map((unit) => strategy.spawn(makeSpec(fixture('spin.mjs'), { unit }))),
  );
  if (!spinning || !waiting) throw new Error('spawn returned no unit');
  // No pause here: the engine dispatches right after spawning, and a block at once must still count.
  const before = await waiting.sample();

  expect(await spinning.run({ index: 0, input: { ms: 250 } })).toMatchObject({ ok: true });
  await pause(30); // let the delay histogram take the sample that spans the spin
  const after = await waiting.sample();

  expect(after.scope).toBe('shared');
  // The slot that only waited sees the delay its neighbour caused: one loop, one figure for all slots.
  expect(after.loopDelayP99Ms).toBeGreaterThanOrEqual(200);
  expect(after.loopDelayP99Ms).toBeGreaterThan(before.loopDelayP99Ms ?? 0);
  // 250 ms of spin in a session of about 280 ms: the loop was busy most of the time.
  expect(after.eventLoopUtilization).toBeGreaterThan(0.5);
  expect(await spinning.sample()).toEqual(after);

  await Promise.all([spinning.close(), waiting.close()]);
  // A closed slot keeps its last figures.
  expect((await waiting.sample()).loopDelayP99Ms).toBeGreaterThanOrEqual(200);
});
