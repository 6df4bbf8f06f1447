import { expect, it } from 'vitest';
import { sleep, spawnUnit } from './helpers.js';

const cpuMs = (s: { cpuUserMs?: number; cpuSystemMs?: number }) => (s.cpuUserMs ?? 0) + (s.cpuSystemMs ?? 0);

it.runIf(process.platform === 'linux')(
  'attributes CPU time to the thread that used it, and keeps the final figures after close',
  async () => {
    const busy = await spawnUnit('burn-cpu.mjs');
    const idle = await spawnUnit('burn-cpu.mjs', { unit: 1 });
    const burned = await busy.unit.run({ index: 0, input: 200 });
    expect(burned).toMatchObject({ ok: true });
    const busySample = await busy.unit.sample();
    const idleSample = await idle.unit.sample();
    expect(busySample.scope).toBe('thread');
    expect(cpuMs(busySample)).toBeGreaterThanOrEqual(200);
    expect(cpuMs(idleSample)).toBeLessThan(cpuMs(busySample));
    expect(busySample.heapUsedBytes).toBeGreaterThan(0);
    expect(busySample.eventLoopUtilization).toBeGreaterThan(0);

    await busy.unit.close();
    const final = await busy.unit.sample();
    expect(cpuMs(final)).toBeGreaterThanOrEqual(cpuMs(busySample));
    expect(await busy.unit.sample()).toEqual(final);
    await idle.unit.close();
  },
);

it.runIf(process.platform === 'linux')(
  'samples a thread stuck in a tight loop without its help',
  async () => {
    const { unit } = await spawnUnit('spin-or-echo.mjs');
    void unit.run({ index: 0, input: 'spin' });
    await sleep(50);
    const first = cpuMs(await unit.sample());
    await sleep(150);
    const second = await unit.sample();
    expect(cpuMs(second)).toBeGreaterThan(first);
    await unit.kill();
  },
);
