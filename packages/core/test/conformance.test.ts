// The testkit run against correct strategies: the reference one (worker threads) with nothing turned off,
// one item and several in flight per unit, and the in-process fixture strategy, which shows what
// `supports` is for.
import { describe } from 'vitest';
import { strategyConformance } from '../src/testkit/index.js';
import inline from './fixtures/inline-strategy.js';
import reference from './fixtures/reference/reference-strategy.js';

describe('reference strategy', () => strategyConformance(() => reference));

describe('reference strategy, three items in flight per unit', () =>
  strategyConformance(() => reference, { options: { inFlight: 3 } }));

describe('in-process strategy', () =>
  strategyConformance(() => inline, {
    supports: { killBusyLoop: false, processExit: false, captureOutput: false, clonesValues: false },
  }));
