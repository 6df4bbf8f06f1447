// The testkit's conformance suite, on local workers (forked by the strategy) and on remote ones (workers
// started on their own, as `concur worker` would be on another machine).
import { strategyConformance } from '@concur/core/testkit';
import { afterAll, beforeAll, describe } from 'vitest';
import { broker, loadStrategy, type StartedWorker, startWorker, testPrefix } from './helpers.js';

describe.skipIf(!broker)('local workers', () => {
  strategyConformance(loadStrategy, { options: { broker, prefix: testPrefix('conformance') } });
});

describe.skipIf(!broker)('remote workers', () => {
  const prefix = testPrefix('conformance-remote');
  let workers: StartedWorker[] = [];
  beforeAll(async () => {
    // The suite runs at most two units at once.
    workers = await Promise.all([startWorker(prefix), startWorker(prefix)]);
  });
  afterAll(async () => {
    await Promise.all(workers.map((worker) => worker.stop()));
  });
  strategyConformance(loadStrategy, { options: { broker, prefix, workers: 'remote' } });
});
