/** The whole command as a function of its arguments: returns the exit status, never exits itself. */
import { CommanderError } from 'commander';
import type { CliContext } from './context.js';
import { EXIT, oneLine, reportError } from './errors.js';
import { buildProgram, COMMAND_NAMES } from './program.js';

export async function main(argv: readonly string[], ctx: CliContext): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = buildProgram(ctx, (code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end through exitOverride too, with status 0.
      if (error.exitCode === 0) return EXIT.ok;
      // Commander ends some messages with a full stop; the hint follows after a semicolon.
      const message = oneLine(error.message).replace(/\.$/, '');
      ctx.stderr.write(`concur: ${message}; see \`${helpFor(argv)}\`\n`);
      return EXIT.badInput;
    }
    return reportError(error, ctx.stderr, argv.includes('--debug'));
  }
}

function helpFor(argv: readonly string[]): string {
  const command = argv.find((arg) => !arg.startsWith('-'));
  return COMMAND_NAMES.some((name) => name === command) ? `concur ${command} --help` : 'concur --help';
}
