// The workloads as concur runs them: services started by core in processes of their own, items run by the
// engine's sequential baseline. Needs @concur/core's build (its service host is a child process).
import type { Params, Workload } from '@concur/core';
import { runBaseline, startServices } from '@concur/core/orchestrate';
import { describe, expect, it } from 'vitest';
import { built } from './built.js';

const { httpGet, cpuSum } = built;

const withDefaults = (workload: Workload, values: Params): Params => ({
  ...Object.fromEntries(Object.entries(workload.params).map(([name, spec]) => [name, spec.default])),
  ...values,
});

describe('through the core engine', () => {
  it('http-get: the server runs in its own process, the GETs return its body, the server stops', async () => {
    const params = withDefaults(httpGet, { items: 4, latencyMs: 10, bodyBytes: 777 });
    const services = await startServices(httpGet, params);
    try {
      const server = services.info.server as { url: string; statsUrl: string; pid: number };
      expect(server.pid).not.toBe(process.pid);
      const inputs = await httpGet.inputs(params, services.info);
      const result = await runBaseline({ task: httpGet.task, inputs, keepValues: true });
      expect(result.items).toEqual({ total: 4, done: 4, failed: 0 });
      expect(result.values).toEqual(inputs.map(() => ({ status: 200, bytes: 777 })));
      const stats = (await (await fetch(server.statsUrl)).json()) as { requests: number; pid: number };
      expect(stats).toMatchObject({ requests: 4, pid: server.pid });
      expect((await services.usage()).server?.cpuUserMs).toBeGreaterThan(0);
    } finally {
      await services.stop();
    }
    expect(() => process.kill(Number((services.info.server as { pid: number }).pid), 0)).toThrow();
  });

  it('cpu-sum: the engine gets the sum back for each item', async () => {
    const inputs = await cpuSum.inputs(withDefaults(cpuSum, { items: 2, n: 1_000_000 }), {});
    const result = await runBaseline({ task: cpuSum.task, inputs, keepValues: true });
    expect(result.values).toEqual([499_999_500_000, 499_999_500_000]);
  });
});
