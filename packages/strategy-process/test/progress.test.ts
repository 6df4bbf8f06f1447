// Progress reaches the progress cell throttled: the latest value, a bounded number of messages per second.
import { ProgressCell } from '@concur/core';
import { expect, it } from 'vitest';
import { fixture, startUnit } from './load-strategy.js';

class CountingCell extends ProgressCell {
  readonly seen: number[] = [];
  override set(fraction: number): void {
    this.seen.push(fraction);
    super.set(fraction);
  }
}

it('shows progress from a task that never yields, with far fewer messages than calls', async () => {
  const cell = new CountingCell(ProgressCell.board(1), 0);
  const { unit } = await startUnit(fixture('spins-with-progress.mjs'), {}, { progress: cell });
  const running = unit.run({ index: 0, input: { ms: 600 } });
  let midway = 0;
  const deadline = Date.now() + 5_000;
  while (midway === 0 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 10));
    if (cell.get() > 0 && cell.get() < 1) midway = cell.get();
  }
  expect(midway).toBeGreaterThan(0);
  const outcome = await running;
  expect(outcome.ok).toBe(true);
  const calls = outcome.ok ? (outcome.value as number) : 0;
  // The task called progress on every turn of its loop; the engine saw a handful of messages.
  expect(calls).toBeGreaterThan(10_000);
  expect(cell.seen.length).toBeLessThan(100);
  // The trailing message delivers the latest value once the calls stop: the item's end.
  const deadlineEnd = Date.now() + 2_000;
  while (cell.get() !== 1 && Date.now() < deadlineEnd) await new Promise((r) => setTimeout(r, 10));
  expect(cell.get()).toBe(1);
  await unit.close();
});
