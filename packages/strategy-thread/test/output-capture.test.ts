import { expect, it } from 'vitest';
import { BoundedOutput } from '../src/bounded-output.js';
import { spawnUnit } from './helpers.js';

it('keeps each unit’s output apart and delivers teardown output by the time close resolves', async () => {
  const a = await spawnUnit('prints-then-teardown.mjs', { unit: 0 });
  const b = await spawnUnit('prints-then-teardown.mjs', { unit: 1 });
  await Promise.all([a.unit.run({ index: 0, input: 'a1' }), b.unit.run({ index: 1, input: 'b1' })]);
  await Promise.all([a.unit.close(), b.unit.close()]);
  const text = (spec: typeof a.spec, stream: string) =>
    spec.printed
      .filter((p) => p.stream === stream)
      .map((p) => p.text)
      .join('');
  expect(text(a.spec, 'stdout')).toBe('unit 0 item a1\n');
  expect(text(b.spec, 'stdout')).toBe('unit 1 item b1\n');
  expect(text(a.spec, 'stderr')).toBe('unit 0 teardown\n');
  expect(text(b.spec, 'stderr')).toBe('unit 1 teardown\n');
});

it('bounds what a flood of output can buffer and says how much was dropped', async () => {
  const received: string[] = [];
  const output = new BoundedOutput((_stream, text) => received.push(text), 1_000);
  for (let i = 0; i < 500; i += 1) output.push('stdout', '0123456789');
  expect(received).toEqual([]);
  await new Promise((resolve) => setImmediate(resolve));
  expect(received[0]).toBe('0123456789'.repeat(100));
  expect(received[1]).toContain('dropped 4000 characters of stdout');
  // The next turn starts with room again.
  output.push('stdout', 'after');
  output.flush();
  expect(received.at(-1)).toBe('after');
});
