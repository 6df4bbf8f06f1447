// Item timeouts share one timer: deadlines fall due in dispatch order, settled items cost nothing later.
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { DeadlineQueue } from '../src/engine/deadline-queue.js';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
});
afterEach(() => {
  vi.useRealTimers();
});

/** A queue over item numbers, with the set of pending ones and the order they expired in. */
function queue(timeoutMs: number) {
  const pending = new Set<number>();
  const expired: number[] = [];
  const q = new DeadlineQueue<number>(
    timeoutMs,
    (item) => pending.has(item),
    (item) => {
      pending.delete(item);
      expired.push(item);
    },
  );
  const add = (item: number) => {
    pending.add(item);
    q.add(item);
  };
  const settle = (item: number) => {
    pending.delete(item);
    q.settled();
  };
  return { q, add, settle, expired };
}

it('expires a pending item at its deadline and not before', () => {
  const { add, expired } = queue(100);
  add(1);
  vi.advanceTimersByTime(99);
  expect(expired).toEqual([]);
  vi.advanceTimersByTime(1);
  expect(expired).toEqual([1]);
});

it('never expires an item that settled in time', () => {
  const { add, settle, expired } = queue(100);
  add(1);
  vi.advanceTimersByTime(50);
  settle(1);
  vi.advanceTimersByTime(500);
  expect(expired).toEqual([]);
});

it('watches the next item after the oldest one settles or expires, each at its own deadline', () => {
  const { add, settle, expired } = queue(100);
  add(1);
  vi.advanceTimersByTime(30);
  add(2);
  vi.advanceTimersByTime(30);
  add(3);
  settle(1);
  vi.advanceTimersByTime(69); // t = 129: item 2 is due at 130
  expect(expired).toEqual([]);
  vi.advanceTimersByTime(1);
  expect(expired).toEqual([2]);
  vi.advanceTimersByTime(29);
  expect(expired).toEqual([2]);
  vi.advanceTimersByTime(1);
  expect(expired).toEqual([2, 3]);
});

it('holds only the span of items in flight, not every item of the run', () => {
  const { q, add, settle } = queue(30_000);
  for (let item = 0; item < 100_000; item += 1) {
    add(item);
    if (item >= 10) settle(item - 10);
  }
  expect(q.held).toBeLessThanOrEqual(10 + 1_024);
});

it('expires nothing after stop', () => {
  const { q, add, expired } = queue(100);
  add(1);
  q.stop();
  vi.advanceTimersByTime(1_000);
  expect(expired).toEqual([]);
  expect(vi.getTimerCount()).toBe(0);
});
