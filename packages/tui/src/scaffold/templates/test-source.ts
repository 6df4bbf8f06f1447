/** The scaffolded plugin's test: concur's conformance suite, with a `supports` manifest to edit. */
export function conformanceTestSource(): string {
  return `import { strategyConformance } from '@concur/core/testkit';

// concur's conformance suite: every check a strategy must pass, run against this plugin.
strategyConformance(() => import('../src/index.js').then((m) => m.default), {
  // What the units can do. A worker thread can do all three; when your runtime cannot, set the line to
  // false and say why beside it: that check is then skipped, and its name says so.
  supports: {
    // worker.terminate() stops even a task in a loop that never yields.
    killBusyLoop: true,
    // process.exit in a task ends its own thread only, a death seen through \`exited\`.
    processExit: true,
    // The worker's stdout and stderr are piped to spec.output.
    captureOutput: true,
  },
});
`;
}
