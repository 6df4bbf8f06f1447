import { describe, expect, it } from 'vitest';
import { built } from './built.js';
import { runItems, valuesOf } from './run-items.js';

const { sleep } = built;

describe('sleep', () => {
  it('waits each item and returns how long it was asked to', async () => {
    const inputs = await sleep.inputs({ items: 3, ms: 5 }, {});
    expect(inputs).toEqual([5, 5, 5]);
    const { outcomes } = await runItems(sleep, [5, 0, 12]);
    expect(valuesOf(outcomes)).toEqual([5, 0, 12]);
  });
});
