import { fixtureTasks, makeSpec } from '@concur/core/testkit';
import { expect, it } from 'vitest';
import strategy from '../src/index.js';
import { fixture } from './fixture-url.js';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const ignoredSignal = /ignored ctx\.signal/;

it('kills an item that never settles: `killed` at once, and reported as still running', async () => {
  const spec = makeSpec(fixtureTasks.neverSettles, { unit: 3 });
  const unit = await strategy.spawn(spec);
  const running = unit.run({ index: 0, input: null });
  await pause(20);
  const killing = unit.kill();
  // The outcome is there before kill() itself has finished looking at the task.
  expect(await running).toMatchObject({ ok: false, error: { kind: 'killed' } });
  await killing;
  const report = spec.printed.map((p) => `${p.stream}:${p.text}`).join('');
  expect(report).toMatch(ignoredSignal);
  expect(report).toContain('slot 3');
  expect(await unit.run({ index: 1, input: null })).toMatchObject({ ok: false, error: { kind: 'killed' } });
});

it('kills an item that honours its signal without reporting it as abandoned', async () => {
  const spec = makeSpec(fixture('honours-signal.mjs'));
  const unit = await strategy.spawn(spec);
  const running = unit.run({ index: 0, input: null });
  await pause(20);
  await unit.kill();
  expect(await running).toMatchObject({ ok: false, error: { kind: 'killed' } });
  expect(spec.printed).toEqual([]);
});

it('abandons a task that keeps the loop busy: reported, its progress detached, other slots finish', async () => {
  const stubbornSpec = makeSpec(fixture('stubborn.mjs'), { unit: 0 });
  const stubborn = await strategy.spawn(stubbornSpec);
  const others = await Promise.all(
    [1, 2].map((unit) => strategy.spawn(makeSpec(fixtureTasks.echo, { unit }))),
  );
  const running = stubborn.run({ index: 0, input: { ms: 600 } });
  await pause(50);
  expect(stubbornSpec.progress.get()).toBeCloseTo(0.7);

  await stubborn.kill();
  expect(await running).toMatchObject({ ok: false, error: { kind: 'killed' } });
  expect(stubbornSpec.printed.map((p) => p.text).join('')).toMatch(ignoredSignal);

  // The replacement slot reuses the progress cell: the abandoned task must not write into it any more.
  stubbornSpec.progress.set(0);
  const results = await Promise.all(
    Array.from({ length: 20 }, (_, index) => others[index % 2]?.run({ index, input: index })),
  );
  expect(results.map((o) => (o?.ok ? o.value : o))).toEqual(Array.from({ length: 20 }, (_, i) => i));
  await pause(30);
  expect(stubbornSpec.progress.get()).toBe(0);
  await Promise.all(others.map((u) => u.close()));
});
