// The hybrid model: each thread runs several items at once on its own event loop.
import { strategyConformance } from '@concur/core/testkit';

strategyConformance(() => import('../src/index.js').then((m) => m.default), { options: { inFlight: 4 } });
