/** The scaffolded plugin's README: what it is, how to build and test it, how concur finds it, what to change. */
import type { StrategyNames } from '../strategy-name.js';
import type { VendoredCore } from '../vendor-core.js';

export function readme(names: StrategyNames, core: VendoredCore): string {
  const { strategy, packageName } = names;
  return `# ${packageName}

A concur strategy plugin: \`${strategy}\`. Race it beside concur's own strategies with
\`concur run WORKLOAD --strategies thread,${strategy}\`.

## Build and test

\`\`\`sh
npm install
npm run build     # tsc: src/ → dist/
npm test          # builds, then runs concur's conformance suite (@concur/core/testkit) against this plugin
\`\`\`

## Where @concur/core comes from

\`${core.file}\` is the \`@concur/core\` ${core.version} of the concur that wrote this folder, packed by
\`npm pack\`; package.json depends on it as \`file:${core.file}\`. A tarball inside the plugin installs
offline and keeps working wherever this folder moves. Once \`@concur/core\` is on a registry, depend on it
by version instead (\`npm install @concur/core@^${core.version}\`) and delete \`vendor/\`; do that before you
publish this plugin, since \`vendor/\` is not part of the package.

## How concur finds it

Nothing in concur names this plugin. Its package.json carries a manifest that concur's discovery reads
without importing any code:

\`\`\`json
"concur": { "strategy": "./dist/index.js" }
\`\`\`

Build it, then make it part of a project in one of three ways, and \`concur list\` shows \`${strategy}\`:

- a dependency: \`npm install ../${packageName}\` (a folder) or \`npm install ${packageName}\` once published;
- a workspace package of the project;
- named in the project's \`concur.config.json\`: \`{ "strategies": ["./path/to/${packageName}"] }\`.

A plugin that cannot be loaded is listed by \`concur list\` under "Could not be used", with the reason.

## What to change

- \`src/unit.ts\`: the main side of a unit. It starts a worker thread and hands it to core's \`ChannelUnit\`
  (from \`@concur/core/runtime\`) through a \`Transport\`: \`post\` a message, \`terminate\` it. Replace the
  Worker with your own runtime; make \`terminate\` end it promptly, and tell the unit what arrives
  (\`receive\`) and when the runtime has gone (\`contextEnded\`).
- \`src/unit-entry.ts\`: the unit's own side, core's \`serveUnit\` over the worker's message port. In your
  runtime, the same call over its own way of sending and receiving.
- \`src/index.ts\`: the summary, the traits (the rows of concur's comparison table), the default concurrency
  and the options.
- \`test/conformance.test.ts\`: the \`supports\` manifest; set a line to \`false\`, with the reason, for what
  your units cannot do.

| supports        | the check                                                          |
| --------------- | ------------------------------------------------------------------ |
| \`killBusyLoop\`  | a unit whose task spins without yielding is killed promptly        |
| \`processExit\`   | \`process.exit(3)\` in a task is a death seen through \`exited\`, code 3 |
| \`captureOutput\` | what a task prints reaches \`spec.output\`, attributed to the unit   |

The contract, in the order an author needs it: \`docs/authoring.md\` in concur's repository.
`;
}
