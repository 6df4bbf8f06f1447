/**
 * A service process: hosts one service module (the loopback HTTP server…) apart from every engine, so it
 * never shares an event loop or a core budget silently with the strategy under test.
 */
import type { Service, StartedService } from '../contract/workload.js';
import type { FromService, ToService } from './messages.js';

let started: StartedService | undefined;
const send = (message: FromService) => process.send?.(message);

async function stop(): Promise<void> {
  await started?.stop().catch(() => {});
  process.exit(0);
}

process.on('message', async (message: ToService) => {
  if (message.kind === 'start') {
    try {
      const mod = (await import(message.module)) as { default?: Service };
      if (typeof mod.default?.start !== 'function')
        throw new Error(`service module ${message.module} does not default-export defineService({ start })`);
      started = await mod.default.start(message.options);
      send({ kind: 'ready', info: started.info });
    } catch (error) {
      send({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  } else if (message.kind === 'usage') {
    const cpu = process.cpuUsage();
    const peakRssBytes = process.resourceUsage().maxRSS * 1024;
    send({
      kind: 'usage',
      usage: { cpuUserMs: cpu.user / 1000, cpuSystemMs: cpu.system / 1000, peakRssBytes },
    });
  } else if (message.kind === 'stop') await stop();
});
// A terminal's Ctrl-C or hang-up, and `timeout` or a supervisor's SIGTERM, reach the whole process group;
// this process stops when its parent says so (a stop message) or goes away, so that the items in flight
// when the user stopped the run are reported as cancelled, not as failed by a service that vanished.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => {});
// The parent is gone: never outlive it.
process.on('disconnect', () => void stop());
