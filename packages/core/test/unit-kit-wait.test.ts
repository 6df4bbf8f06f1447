import { expect, it } from 'vitest';
import { TIMED_OUT, withinMs } from '../src/unit-kit/wait.js';

it('gives the value of a promise that settles in time', async () => {
  await expect(withinMs(Promise.resolve(7), 50)).resolves.toBe(7);
});

it('gives TIMED_OUT for a promise that does not settle in time, and leaves it running', async () => {
  let late = false;
  const slow = new Promise((resolve) => setTimeout(resolve, 60)).then(() => {
    late = true;
  });
  await expect(withinMs(slow, 10)).resolves.toBe(TIMED_OUT);
  expect(late).toBe(false);
  await slow;
  expect(late).toBe(true);
});

it('passes a rejection on', async () => {
  await expect(withinMs(Promise.reject(new Error('boom')), 50)).rejects.toThrow('boom');
});

it('waits for the promise alone when the bound is endless', async () => {
  const value = new Promise((resolve) => setTimeout(() => resolve('done'), 20));
  await expect(withinMs(value, Number.POSITIVE_INFINITY)).resolves.toBe('done');
});
