// How a unit's end is told when its close fails: a teardown that threw is not a close that ran out of time.
import { expect, it } from 'vitest';
import { runBaseline } from '../src/orchestrate/index.js';

const teardownThrows = new URL('./fixtures/tasks/teardown-throws.mjs', import.meta.url).href;

it('says the close failed, with the teardown’s error, rather than that it did not finish in time', async () => {
  const result = await runBaseline({ task: teardownThrows, inputs: [1, 2] });
  expect(result.items.done).toBe(2);
  expect(result.units.map((unit) => unit.end)).toEqual(['killed: close failed: teardown broke']);
});
