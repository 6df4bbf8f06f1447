/** `concur new-strategy NAME [--dir DIR]`: scaffold a strategy plugin package, then say what to do next. */
import type { Command } from 'commander';
import { scaffoldStrategy } from '../../scaffold/scaffold-strategy.js';
import type { CliContext } from '../context.js';

export async function newStrategyCommand(
  name: string,
  flags: { readonly dir?: string },
  ctx: CliContext,
): Promise<number> {
  const made = await scaffoldStrategy({
    name,
    cwd: ctx.cwd,
    ...(flags.dir !== undefined && { dir: flags.dir }),
  });
  const { strategy, packageName } = made.names;
  const asPath = made.shownDir.startsWith('.') ? made.shownDir : `./${made.shownDir}`;
  ctx.stdout.write(
    [
      `Created ${packageName} in ${made.shownDir}: ${made.files.join(', ')}`,
      '',
      'Next:',
      `  cd ${made.shownDir}`,
      '  npm install && npm run build && npm test',
      `Then make it part of your project — npm install <path to ${made.shownDir}>, a workspace package, or its`,
      `folder in concur.config.json ({ "strategies": ["${asPath}"] }) — and \`concur list\` shows ${strategy}.`,
      'The contract, step by step: docs/authoring.md in concur’s repository.',
      '',
    ].join('\n'),
  );
  return 0;
}

/** Register the command on the program; its errors (a bad name, a folder in use) reach `main` as InputErrors. */
export function addNewStrategyCommand(
  program: Command,
  ctx: CliContext,
  setExitCode: (code: number) => void,
): void {
  program
    .command('new-strategy')
    .description('scaffold a strategy plugin package: manifest, skeleton, conformance test, README')
    .argument('<name>', 'the strategy name, lower-case, e.g. my-pool')
    .option('--dir <dir>', 'the package folder (default: ./concur-strategy-<name>)')
    .action(async (name: string, flags: { dir?: string }) => {
      setExitCode(await newStrategyCommand(name, flags, ctx));
    });
}
