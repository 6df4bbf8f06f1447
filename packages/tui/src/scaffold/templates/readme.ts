/** The scaffolded plugin's README: what it is, how to build and test it, how concur finds it, what to change. */
import type { StrategyNames } from '../strategy-name.js';

export function readme(names: StrategyNames): string {
  const { strategy, packageName } = names;
  return `# ${packageName}

A [concur](https://www.npmjs.com/package/@concur/core) strategy plugin: \`${strategy}\`. Race it beside concur's
own strategies with \`concur run WORKLOAD --strategies thread,${strategy}\`.

## Build and test

\`\`\`sh
npm install
npm run build     # tsc: src/ → dist/
npm test          # concur's conformance suite (@concur/core/testkit) against this plugin
\`\`\`

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

- \`src/unit.ts\`: the unit. It starts as a TaskHost (from \`@concur/core\`) called in process. Move the
  TaskHost into your own worker, thread, process or pool, and let the unit carry items there and outcomes
  back; make \`kill()\` end it promptly and \`exited\` resolve when it dies on its own.
- \`src/index.ts\`: the summary, the traits (the rows of concur's comparison table), the default concurrency
  and the options.
- \`test/conformance.test.ts\`: delete a line of \`supports\` for each thing your units can now do.

| supports        | starts as | why                                                              |
| --------------- | --------- | ---------------------------------------------------------------- |
| \`killBusyLoop\`  | \`false\`   | in process, a task that never yields cannot be interrupted       |
| \`processExit\`   | \`false\`   | \`process.exit\` in a task would end the engine, not one unit      |
| \`captureOutput\` | \`false\`   | what a task prints goes to the engine's output, not \`spec.output\` |

The contract, in the order an author needs it: \`docs/authoring.md\` in concur's repository.
`;
}
