// sample() reports the child's own figures, scope 'process', and the final ones survive close().
import { fixtureTasks } from '@concur/core/testkit';
import { expect, it } from 'vitest';
import { fixture, startUnit } from './load-strategy.js';

it('returns the final figures of a unit closed right after its last item', async () => {
  const { unit } = await startUnit(fixture('burns-cpu.mjs'));
  expect(await unit.run({ index: 0, input: 100 })).toMatchObject({ ok: true });
  await unit.close();
  const sample = await unit.sample();
  expect(sample.scope).toBe('process');
  // The item burned 100 ms of user CPU in the child; the engine's own CPU is not in this figure.
  expect(sample.cpuUserMs).toBeGreaterThanOrEqual(100);
  expect(sample.rssBytes).toBeGreaterThan(0);
  expect(sample.peakRssBytes).toBeGreaterThanOrEqual(sample.rssBytes ?? 0);
  expect(sample.eventLoopUtilization).toBeGreaterThan(0);
  expect(sample.eventLoopUtilization).toBeLessThanOrEqual(1);
});

it('answers with figures of another process than the engine', async () => {
  const { unit } = await startUnit(fixture('burns-cpu.mjs'));
  const before = await unit.sample();
  await unit.run({ index: 0, input: 50 });
  const after = await unit.sample();
  expect((after.cpuUserMs ?? 0) - (before.cpuUserMs ?? 0)).toBeGreaterThanOrEqual(50);
  await unit.close();
});

it.skipIf(process.platform !== 'linux')(
  'reads the CPU time of a unit too busy to answer, and keeps it after kill',
  async () => {
    const { unit } = await startUnit(fixtureTasks.busyLoop);
    const running = unit.run({ index: 0, input: null });
    await new Promise((r) => setTimeout(r, 300));
    const first = await unit.sample();
    await new Promise((r) => setTimeout(r, 300));
    const second = await unit.sample();
    expect(second.scope).toBe('process');
    expect(second.cpuUserMs ?? 0).toBeGreaterThan(first.cpuUserMs ?? 0);
    expect(second.rssBytes).toBeGreaterThan(0);
    await unit.kill();
    await running;
    expect((await unit.sample()).cpuUserMs).toBeGreaterThanOrEqual(second.cpuUserMs ?? 0);
  },
);

it.skipIf(process.platform !== 'linux')(
  "tells the main thread's CPU, where the task runs, apart from the runtime's background threads",
  async () => {
    const { unit } = await startUnit(fixture('burns-cpu.mjs'));
    await unit.run({ index: 0, input: 200 });
    const answered = await unit.sample();
    const running = unit.run({ index: 1, input: 400 });
    // Busy in an item, the child cannot answer: the figures are read from /proc instead.
    await new Promise((r) => setTimeout(r, 150));
    const fromOutside = await unit.sample();
    await running;
    await unit.close();
    for (const sample of [answered, fromOutside]) {
      const main = (sample.mainThreadCpuUserMs ?? -1) + (sample.mainThreadCpuSystemMs ?? 0);
      const all = (sample.cpuUserMs ?? 0) + (sample.cpuSystemMs ?? 0);
      // The 200 ms item ran on the main thread; the process's figure holds it and V8's threads besides.
      expect(main).toBeGreaterThanOrEqual(150);
      expect(main).toBeLessThanOrEqual(all + 10);
    }
  },
  // CPU-burning items on a loaded two-core machine take many times their CPU in wall time.
  90_000,
);
