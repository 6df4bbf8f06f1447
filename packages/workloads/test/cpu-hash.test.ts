import { createHash, pbkdf2Sync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { built } from './built.js';
import { runItems, valuesOf } from './run-items.js';

const { cpuHash, cpuHashAsync } = built;

describe('cpu-hash', () => {
  it('returns the SHA-256 chain over a buffer filled with the seed', async () => {
    const inputs = await cpuHash.inputs({ items: 2, bytes: 1000, rounds: 3 }, {});
    expect(inputs).toEqual([
      { seed: 0, bytes: 1000, rounds: 3 },
      { seed: 1, bytes: 1000, rounds: 3 },
    ]);
    const expected = inputs.map((_, seed) => {
      const buffer = Buffer.alloc(1000, seed);
      let digest = Buffer.alloc(0);
      for (let round = 0; round < 3; round++)
        digest = createHash('sha256').update(digest).update(buffer).digest();
      return digest.toString('hex');
    });
    const { outcomes } = await runItems(cpuHash, inputs);
    expect(valuesOf(outcomes)).toEqual(expected);
    expect(expected[0]).not.toBe(expected[1]);
  });
});

describe('cpu-hash-async', () => {
  it('returns the chained PBKDF2 key, each step feeding the next', async () => {
    const inputs = await cpuHashAsync.inputs({ items: 2, iterations: 300, steps: 3 }, {});
    const expected = [0, 1].map((seed) => {
      let key = Buffer.from(`concur-${seed}`);
      for (let step = 0; step < 3; step++) key = pbkdf2Sync(key, 'concur', 100, 32, 'sha512');
      return key.toString('hex');
    });
    const { outcomes, progress } = await runItems(cpuHashAsync, inputs);
    expect(valuesOf(outcomes)).toEqual(expected);
    expect(progress).toContain(1 / 3);
  });
});
