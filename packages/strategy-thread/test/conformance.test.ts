import { strategyConformance } from '@concur/core/testkit';

strategyConformance(() => import('../src/index.js').then((m) => m.default));
