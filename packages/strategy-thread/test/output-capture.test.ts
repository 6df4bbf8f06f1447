import { expect, it } from 'vitest';
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

it('forwards at most maxOutputBytes of a flood per unit and says once that the rest was dropped', async () => {
  const { unit, spec } = await spawnUnit('floods.mjs', { options: { maxOutputBytes: 5_000 } });
  expect(await unit.run({ index: 0, input: 1_000 })).toMatchObject({ ok: true, value: 1_000 });
  await unit.close();
  const stdout = spec.printed
    .filter((p) => p.stream === 'stdout')
    .map((p) => p.text)
    .join('');
  const notes = spec.printed.filter((p) => p.text.includes('the rest of its output is dropped'));
  expect(stdout.length).toBe(5_000);
  expect(notes).toHaveLength(1);
  expect(notes[0]?.text).toContain('more than 5000 bytes');
});
