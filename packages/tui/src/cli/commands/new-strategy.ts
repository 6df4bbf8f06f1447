/** `concur new-strategy NAME [--dir DIR]`: scaffold a strategy plugin package, then say what to do next. */

import { InputError } from '@concur/core';
import type { Command } from 'commander';
import { strategyNames } from '../../scaffold/strategy-name.js';
import type { CliContext } from '../context.js';
import { discoverCatalog } from '../discover-catalog.js';

export async function newStrategyCommand(
  name: string,
  flags: { readonly dir?: string },
  ctx: CliContext,
): Promise<number> {
  await refuseTakenName(strategyNames(name).strategy, ctx);
  // The scaffold and its templates are imported only by this command.
  const { scaffoldStrategy } = await import('../../scaffold/scaffold-strategy.js');
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

/**
 * Two strategies of one name both stop working (discovery lists each as broken, naming the other), so a
 * plugin named after a built-in, or after a plugin this project already loads, would break both.
 */
async function refuseTakenName(strategy: string, ctx: CliContext): Promise<void> {
  const catalog = await discoverCatalog(ctx);
  const taken = catalog.strategies.find((s) => s.name === strategy);
  if (!taken) return;
  const where =
    taken.source.kind === 'builtin' ? 'built into concur' : `loaded here from ${taken.source.from}`;
  throw new InputError(
    `new-strategy ${strategy}: a strategy named "${strategy}" is already ${where}, and two of one name both stop working; choose another name, e.g. ${strategy}-pool`,
  );
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
