import { strategyConformance } from '@concur/core/testkit';

// piscina starts its workers without `stdout: true`, so what a task prints goes straight to the process's
// own output: this plugin cannot hand it to `spec.output`. Everything else in the contract it does.
strategyConformance(() => import('../src/index.js').then((m) => m.default), {
  supports: { captureOutput: false },
});
