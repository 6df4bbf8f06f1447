import { strategyConformance } from '@concur/core/testkit';
import { loadStrategy } from './load-strategy.js';

strategyConformance(loadStrategy);
