// The testkit, with what a slot on the engine's own event loop cannot do by design.
import { strategyConformance } from '@concur/core/testkit';
import strategy from '../src/index.js';

strategyConformance(() => strategy, {
  supports: {
    // A task spinning without yielding holds the only thread: nothing can run kill() until it stops.
    killBusyLoop: false,
    // process.exit or an uncaught exception in a task ends the engine's own process: there is no unit
    // process to die alone.
    processExit: false,
    // Slots share one process and its stdout; see the README for why output is not captured per slot.
    captureOutput: false,
    // A slot hands the task its input and the engine the task's value as they are: nothing is cloned.
    clonesValues: false,
  },
});
