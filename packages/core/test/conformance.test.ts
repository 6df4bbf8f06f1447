// The testkit run against the in-process fixture strategy: proves the suite itself passes a correct
// strategy, and shows what `supports` is for.
import { strategyConformance } from '../src/testkit/index.js';
import inline from './fixtures/inline-strategy.js';

strategyConformance(() => inline, {
  supports: { killBusyLoop: false, processExit: false, captureOutput: false },
});
