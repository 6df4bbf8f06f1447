// The example end to end as concur's `--task` path sees it: check the task file and the inputs, build the
// workload, run every item through a TaskHost, and check each answer independently.
import { dirname } from 'node:path';
import { taskFor } from '@concur/core';
import { customWorkload } from '@concur/core/orchestrate';
import { TaskHost } from '@concur/core/runtime';
import { describe, expect, it } from 'vitest';
import { inputsFile, taskFile } from '../src/index.js';

interface Answer {
  readonly n: number;
  readonly prime: boolean;
  readonly factor: number | null;
}

/** Miller–Rabin with the first twelve primes as bases: exact for every n below 3.3·10^24. */
function millerRabin(n: number): boolean {
  if (n < 2) return false;
  const bases = [2n, 3n, 5n, 7n, 11n, 13n, 17n, 19n, 23n, 29n, 31n, 37n];
  const big = BigInt(n);
  if (bases.includes(big)) return true;
  if (bases.some((p) => big % p === 0n)) return false;
  let d = big - 1n;
  let s = 0;
  while (d % 2n === 0n) {
    d /= 2n;
    s += 1;
  }
  const power = (base: bigint, exponent: bigint): bigint => {
    let result = 1n;
    for (let b = base % big, e = exponent; e > 0n; e >>= 1n, b = (b * b) % big)
      if (e & 1n) result = (result * b) % big;
    return result;
  };
  return bases.every((a) => {
    let x = power(a, d);
    if (x === 1n || x === big - 1n) return true;
    for (let i = 1; i < s; i++) {
      x = (x * x) % big;
      if (x === big - 1n) return true;
    }
    return false;
  });
}

describe('the custom-task example', () => {
  it('loads as a workload named after its file, with the inputs of inputs.json', async () => {
    const workload = await customWorkload({
      taskPath: 'task.mjs',
      inputsFile: 'inputs.json',
      cwd: dirname(taskFile),
    });
    expect(workload.name).toBe('task');
    expect(workload.kind).toBe('cpu');
    const inputs = (await workload.inputs({}, {})) as number[];
    expect(inputs.length).toBeGreaterThan(5);
    expect(inputs.every(Number.isSafeInteger)).toBe(true);
  });

  it('answers every input correctly, primes and composites alike', async () => {
    const workload = await customWorkload({ taskPath: taskFile, inputsFile, cwd: process.cwd() });
    const inputs = (await workload.inputs({}, {})) as number[];
    const progress: number[] = [];
    const host = await TaskHost.open(taskFor(workload) ?? 'no Node task', 0, (fraction) =>
      progress.push(fraction),
    );
    try {
      for (const [index, n] of inputs.entries()) {
        const outcome = await host.run({ index, input: n });
        if (!outcome.ok) throw new Error(`item ${n} failed: ${outcome.error.message}`);
        const answer = outcome.value as Answer;
        expect(answer.n).toBe(n);
        expect(answer.prime, `is ${n} prime?`).toBe(millerRabin(n));
        if (answer.prime) expect(answer.factor).toBe(n);
        else if (n >= 2) {
          // The smallest factor divides n and leaves no smaller factor behind.
          const factor = answer.factor as number;
          expect(n % factor).toBe(0);
          expect(factor === 2 || millerRabin(factor)).toBe(true);
        }
      }
    } finally {
      await host.close();
    }
    // The inputs hold both kinds, so the checks above saw both answers.
    expect(inputs.some(millerRabin) && !inputs.every(millerRabin)).toBe(true);
    expect(progress.some((fraction) => fraction > 0 && fraction < 1)).toBe(true);
  });

  it('fails an item that is not a number as a value, with its reason', async () => {
    const workload = await customWorkload({ taskPath: taskFile, items: 1, cwd: process.cwd() });
    const host = await TaskHost.open(taskFor(workload) ?? 'no Node task', 0, () => {});
    const outcome = await host.run({ index: 0, input: 'seven' });
    expect(outcome).toMatchObject({
      ok: false,
      error: { message: 'TypeError: expected a safe integer, got "seven"' },
    });
    await host.close();
  });
});
