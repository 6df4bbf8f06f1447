import { strategyConformance } from '@concur/core/testkit';
import { describe } from 'vitest';
import { pythonMissing } from './python-found.js';
import { pythonTwins } from './python-twins.js';

// Several coroutines of one unit at once: the checks that need items side by side on one unit run too.
describe.skipIf(pythonMissing)('python-asyncio with inFlight 4', () => {
  strategyConformance(() => import('../src/asyncio.js').then((m) => m.default), {
    options: { inFlight: 4 },
    tasks: pythonTwins,
  });
});
