import { defineStrategy, type SpawnSpec, type Unit } from '@concur/core';
import { claimMonitor, releaseMonitor } from './loop-monitor.js';
import { claimHost } from './shared-host.js';
import { SlotUnit } from './slot-unit.js';

/**
 * The article's asyncio: every unit is a slot on the engine's own event loop. One thread, many items in
 * flight, no parallelism.
 */
export default defineStrategy({
  meta: { name: 'async', version: '0.1.0', apiVersion: 1 },
  model: 'async',
  summary: 'Units are slots on one event loop: many items in flight on one thread, no parallelism.',
  traits: {
    unit: 'Coroutine (a promise chain)',
    memory: 'Shared (single thread)',
    parallel: false,
    inEngineLoop: true,
    execution: 'Concurrency',
    bestFor: 'Highly concurrent I/O',
    pros: [
      'A unit costs almost nothing: thousands of slots start in milliseconds',
      'No copying: inputs and results are passed by reference',
      'Tiny memory per item in flight',
    ],
    cons: [
      'One blocking call stalls every slot',
      "No use of a second core, except where Node's own thread pool does the work (crypto, zlib, fs): then CPU utilisation rises above 100%",
      'A task that ignores its abort signal cannot be stopped, only abandoned',
    ],
  },
  // Slots are nearly free and I/O wants many in flight; CPU-bound work gains nothing from more.
  defaultConcurrency: () => 64,
  itemsInFlight: () => 1,
  validateOptions(options) {
    const unknown = Object.keys(options);
    if (unknown.length > 0)
      return `strategy async takes no options, got ${unknown.map((k) => `\`${k}\``).join(', ')}; remove them`;
    return undefined;
  },
  spawn(spec: SpawnSpec): Promise<Unit> {
    const shared = claimHost(spec.task, spec.unit);
    claimMonitor();
    // After the first spawn the task is ready: no import, no await, just a slot.
    if (shared.host) return Promise.resolve(new SlotUnit(spec, shared));
    return shared.opening.then(
      () => new SlotUnit(spec, shared),
      (error: unknown) => {
        // The failed host is already forgotten (a later spawn retries); only the monitor claim remains.
        releaseMonitor(true);
        throw error;
      },
    );
  },
});
