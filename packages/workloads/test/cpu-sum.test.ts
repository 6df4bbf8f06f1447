import { describe, expect, it } from 'vitest';
import { built } from './built.js';
import { runItems, valuesOf } from './run-items.js';

const { cpuSum, articleCpu } = built;

/** n(n-1)/2 in BigInt, so the expectation itself cannot round. */
const closedForm = (n: number): number => Number((BigInt(n) * BigInt(n - 1)) / 2n);

describe('cpu-sum', () => {
  it('returns the sum of every integer below n', async () => {
    // 9,000,001 is not a multiple of the progress chunk, so the last partial chunk is counted too.
    const inputs = await cpuSum.inputs({ items: 3, n: 9_000_001 }, {});
    expect(inputs).toEqual([9_000_001, 9_000_001, 9_000_001]);
    const { outcomes } = await runItems(cpuSum, [9_000_001, 1, 2]);
    expect(valuesOf(outcomes)).toEqual([closedForm(9_000_001), 0, 1]);
  });

  it('reports progress a few times per item, ending at 1', async () => {
    const { progress } = await runItems(cpuSum, [9_000_001]);
    const reported = progress.filter((fraction) => fraction > 0 && fraction < 1);
    expect(reported.length).toBeGreaterThanOrEqual(2);
    expect(reported.length).toBeLessThan(10);
    expect(progress.at(-1)).toBe(1);
  });

  it('article-cpu is four items of the same loop at the default n', async () => {
    const inputs = await articleCpu.inputs({ items: articleCpu.params.items?.default ?? 0, n: 1000 }, {});
    expect(inputs).toEqual([1000, 1000, 1000, 1000]);
    expect(articleCpu.task).toBe(cpuSum.task);
    expect(articleCpu.params.n?.default).toBe(cpuSum.params.n?.default);
  });
});
