import { strategyConformance } from '@concur/core/testkit';
import { describe } from 'vitest';
import { pythonMissing } from './python-found.js';
import { pythonTwins } from './python-twins.js';

describe.skipIf(pythonMissing)('python-thread', () => {
  strategyConformance(() => import('../src/thread.js').then((m) => m.default), { tasks: pythonTwins });
});
