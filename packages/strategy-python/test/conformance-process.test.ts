import { strategyConformance } from '@concur/core/testkit';
import { describe } from 'vitest';
import { pythonMissing } from './python-found.js';
import { pythonTwins } from './python-twins.js';

describe.skipIf(pythonMissing)('python-process', () => {
  strategyConformance(() => import('../src/process.js').then((m) => m.default), { tasks: pythonTwins });
});
