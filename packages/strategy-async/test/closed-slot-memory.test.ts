// A closed slot leaves nothing behind: the engine hangs a callback holding its run on every unit's
// `exited`, so a promise shared by all slots would keep every slot, and every run, for the life of the
// engine's process.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { fixtureTasks, makeSpec } from '@concur/core/testkit';
import { expect, it } from 'vitest';
import strategy from '../src/index.js';

/** Spawn a slot, wait on its exit as the engine does (a callback that refers to it), close it. */
async function closedSlot(): Promise<WeakRef<object>> {
  const unit = await strategy.spawn(makeSpec(fixtureTasks.echo));
  void unit.exited.then(() => unit.id);
  await unit.close();
  return new WeakRef(unit);
}

it('lets a closed slot be collected, with whatever waits on its exit', async () => {
  setFlagsFromString('--expose-gc');
  const collect = runInNewContext('gc') as () => void;
  const held = await closedSlot();
  await new Promise((resolve) => setImmediate(resolve));
  collect();
  expect(held.deref()).toBeUndefined();
});
