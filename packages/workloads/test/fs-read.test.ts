import { describe, expect, it } from 'vitest';
import { built } from './built.js';
import { runItems, valuesOf } from './run-items.js';

const { fsRead } = built;

/** What item `index` should read back, built from the documented pattern rather than the task's code. */
function expectedText(index: number, bytes: number): string {
  let text = `${index}:`;
  while (text.length < bytes) text += 'abcdefghijklmnopqrstuvwxyz\n';
  return text.slice(0, bytes);
}

describe('fs-read', () => {
  it('returns what each item wrote and read back', async () => {
    const inputs = await fsRead.inputs({ items: 3, bytes: 100_000 }, {});
    expect(inputs).toEqual([0, 1, 2].map((index) => ({ index, bytes: 100_000 })));
    const { outcomes } = await runItems(fsRead, inputs);
    const texts = valuesOf(outcomes) as string[];
    expect(texts.map((text) => text.length)).toEqual([100_000, 100_000, 100_000]);
    expect(texts).toEqual([0, 1, 2].map((index) => expectedText(index, 100_000)));
  });

  it('works again after a teardown removed its folder', async () => {
    await runItems(fsRead, [{ index: 0, bytes: 10 }]);
    const { outcomes } = await runItems(fsRead, [{ index: 7, bytes: 10 }]);
    expect(valuesOf(outcomes)).toEqual([expectedText(7, 10)]);
  });
});
