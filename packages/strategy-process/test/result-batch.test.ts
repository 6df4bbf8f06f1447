// Results that settle in the same turn of the loop leave in one message; one that cannot travel fails alone.
import { expect, it } from 'vitest';
import type { DoneResult } from '../src/messages.js';
import { ResultBatch } from '../src/result-batch.js';

const ok = (value: unknown) => ({ ok: true as const, value, serviceMs: 1 });
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

/** A send that refuses (throws, as process.send does) any batch holding a function. */
function recordingSend() {
  const sent: DoneResult[][] = [];
  const send = (batch: DoneResult[]) => {
    if (batch.some((r) => r.outcome.ok && typeof r.outcome.value === 'function'))
      throw new Error('could not be cloned');
    sent.push(batch);
  };
  return { sent, send };
}

const notCloneable = () => ({
  ok: false as const,
  error: { kind: 'not-cloneable' as const, message: 'cannot travel' },
  serviceMs: 1,
});

it('sends the results of one turn together, and each later turn in a message of its own', async () => {
  const { sent, send } = recordingSend();
  const batch = new ResultBatch(send, notCloneable);
  batch.add(1, ok('a'));
  batch.add(2, ok('b'));
  expect(sent).toEqual([]);
  await nextTurn();
  batch.add(3, ok('c'));
  await nextTurn();
  expect(sent.map((message) => message.map((r) => r.id))).toEqual([[1, 2], [3]]);
});

it('sends a batch with a result that cannot travel one by one, replacing only that one', async () => {
  const { sent, send } = recordingSend();
  const batch = new ResultBatch(send, notCloneable);
  batch.add(1, ok('a'));
  batch.add(
    2,
    ok(() => 1),
  );
  batch.add(3, ok('c'));
  await nextTurn();
  expect(sent.flat()).toEqual([
    { id: 1, outcome: ok('a') },
    { id: 2, outcome: notCloneable() },
    { id: 3, outcome: ok('c') },
  ]);
});

it('flushes at once when asked, and then has nothing left for its scheduled turn', async () => {
  const { sent, send } = recordingSend();
  const batch = new ResultBatch(send, notCloneable);
  batch.add(1, ok('a'));
  batch.flush();
  expect(sent).toEqual([[{ id: 1, outcome: ok('a') }]]);
  await nextTurn();
  expect(sent).toHaveLength(1);
});
