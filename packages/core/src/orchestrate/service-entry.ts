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
// The parent is gone: never outlive it.
// A terminal's Ctrl-C or hang-up reaches the whole process group; this process stops when its parent says so
// (a cancel message) or goes away, so that a run stopped by the user is reported as cancelled, not crashed.
process.on('SIGINT', () => {});
process.on('SIGHUP', () => {});
process.on('disconnect', () => void stop());
