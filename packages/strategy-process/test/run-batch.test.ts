// Items handed to a unit in one turn of the engine's loop leave in one message, before the next turn;
// an input that cannot travel fails alone.
import { expect, it } from 'vitest';
import type { RunRequest } from '../src/messages.js';
import { RunBatch } from '../src/run-batch.js';

const item = (id: number, input: unknown = id): RunRequest => ({ id, index: id, input });
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

/** A send that refuses (throws, as child.send does) any batch holding a function. */
function recordingSend() {
  const sent: number[][] = [];
  const send = (items: RunRequest[]) => {
    if (items.some((i) => typeof i.input === 'function')) throw new Error('could not be cloned');
    sent.push(items.map((i) => i.id));
  };
  return { sent, send };
}

it('sends the items of one turn together, before the loop turns, and later items in a message of their own', async () => {
  const { sent, send } = recordingSend();
  const batch = new RunBatch(send, () => {});
  batch.add(item(1));
  batch.add(item(2));
  batch.add(item(3));
  expect(sent).toEqual([]);
  await Promise.resolve(); // a microtask later: no turn of the loop is waited for
  expect(sent).toEqual([[1, 2, 3]]);
  batch.add(item(4));
  await nextTurn();
  expect(sent).toEqual([[1, 2, 3], [4]]);
});

it('fails only the item whose input cannot be sent, and sends the rest', async () => {
  const { sent, send } = recordingSend();
  const refused: number[] = [];
  const batch = new RunBatch(send, (i) => refused.push(i.id));
  batch.add(item(1));
  batch.add(item(2, () => {}));
  batch.add(item(3));
  await nextTurn();
  expect(refused).toEqual([2]);
  expect(sent).toEqual([[1], [3]]);
});
