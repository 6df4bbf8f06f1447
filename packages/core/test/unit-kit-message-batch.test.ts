// What arises in one turn of the loop leaves in one message; an entry that cannot travel fails alone.
import { expect, it } from 'vitest';
import { MessageBatch } from '../src/unit-kit/index.js';

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

/** A send that refuses (throws, as process.send and postMessage do) any batch holding a function. */
function recordingSend() {
  const sent: unknown[][] = [];
  const send = (batch: unknown[]) => {
    if (batch.some((entry) => typeof entry === 'function')) throw new Error('could not be cloned');
    sent.push(batch);
  };
  return { sent, send };
}

it('with setImmediate, sends one turn together and each later turn in a message of its own', async () => {
  const { sent, send } = recordingSend();
  const batch = new MessageBatch(send, () => {}, setImmediate);
  batch.add('a');
  batch.add('b');
  expect(sent).toEqual([]);
  await nextTurn();
  batch.add('c');
  await nextTurn();
  expect(sent).toEqual([['a', 'b'], ['c']]);
});

it('with queueMicrotask, sends before the loop turns', async () => {
  const { sent, send } = recordingSend();
  const batch = new MessageBatch(send, () => {}, queueMicrotask);
  batch.add(1);
  batch.add(2);
  expect(sent).toEqual([]);
  await Promise.resolve();
  expect(sent).toEqual([[1, 2]]);
});

it('sends a batch holding an entry that cannot travel one by one, refusing only that one', async () => {
  const { sent, send } = recordingSend();
  const refused: unknown[] = [];
  const fn = () => 1;
  const batch = new MessageBatch(send, (entry) => refused.push(entry), setImmediate);
  batch.add('a');
  batch.add(fn);
  batch.add('c');
  await nextTurn();
  expect(sent).toEqual([['a'], ['c']]);
  expect(refused).toEqual([fn]);
});

it('flushes at once when asked, and then has nothing left for its scheduled turn', async () => {
  const { sent, send } = recordingSend();
  const batch = new MessageBatch(send, () => {}, setImmediate);
  batch.add('a');
  batch.flush();
  expect(sent).toEqual([['a']]);
  await nextTurn();
  expect(sent).toHaveLength(1);
});
