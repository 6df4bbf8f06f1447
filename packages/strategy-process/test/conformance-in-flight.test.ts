// Several items in flight on each child process at once: the checks that need them run too.
import { strategyConformance } from '@concur/core/testkit';
import { loadStrategy } from './load-strategy.js';

strategyConformance(loadStrategy, { options: { inFlight: 3 } });
