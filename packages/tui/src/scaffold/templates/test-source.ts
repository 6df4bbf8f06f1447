/** The scaffolded plugin's test: concur's conformance suite, with what an in-process unit cannot do. */
export function conformanceTestSource(): string {
  return `import { strategyConformance } from '@concur/core/testkit';

// concur's conformance suite: every check a strategy must pass, run against this plugin. \`supports\` lists
// what it cannot do yet; delete a line once your units run where they can be stopped and watched.
strategyConformance(() => import('../src/index.js').then((m) => m.default), {
  supports: {
    // Units share the engine's thread: a task that never yields cannot be interrupted.
    killBusyLoop: false,
    // process.exit in a task would end the engine itself, not one unit.
    processExit: false,
    // What a task prints goes to the engine's own output, not to spec.output.
    captureOutput: false,
  },
});
`;
}
