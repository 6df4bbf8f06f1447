/**
 * The command line: commander parses, the commands in ./commands do the work. Commander never prints or
 * exits on its own here (exitOverride, configureOutput): every parse error comes back to `main` to be
 * printed as one line with exit status 2.
 */
import { readFileSync } from 'node:fs';
import { InputError } from '@concur/core';
import { Command, Option } from 'commander';
import {
  DEFAULT_RUNS,
  DEFAULT_TIMEOUT_MS,
  DEFAULT_WARMUP,
  DEFAULT_WORKLOAD,
} from '../session/default-request.js';
// Each command's module is imported when that command runs: `concur run` loads no diff, list or worker
// code, and start-up is paid on every command.
import type { DiffFlags } from './commands/diff.js';
import { addNewStrategyCommand } from './commands/new-strategy.js';
import { BASELINE_SAMPLE_ITEMS, type RunFlags } from './commands/run-flags.js';
import type { WorkerFlags } from './commands/worker.js';
import type { CliContext } from './context.js';
import { collect } from './parse-flags.js';

export const COMMAND_NAMES = ['run', 'diff', 'list', 'new-strategy', 'worker'] as const;

/** The program; `setExitCode` receives what the command that ran returns. */
export function buildProgram(ctx: CliContext, setExitCode: (code: number) => void): Command {
  const program = new Command('concur')
    .description(
      `Race one workload across concurrency models (child processes, worker threads, async, plugins) and see which wins and why.\nWith no command: the interactive dashboard (without a terminal or with CI set: the ${DEFAULT_WORKLOAD} experiment, plain output).`,
    )
    .version(version(), '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .option('--debug', 'print stack traces with errors')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => ctx.stdout.write(text),
      writeErr: (text) => ctx.stderr.write(text),
      // main prints parse errors itself, as one line.
      outputError: () => {},
    })
    .allowExcessArguments(true)
    .action(async (_options, command: Command) => {
      const [extra] = command.args;
      if (extra !== undefined)
        throw new InputError(
          `unknown command "${extra}"; the commands are ${COMMAND_NAMES.join(', ')} (see concur --help)`,
        );
      const { dashboardCommand } = await import('./commands/dashboard.js');
      setExitCode(await dashboardCommand(ctx));
    });

  program
    .command('run')
    .description('run one comparison from flags, without questions')
    .argument('[workload]', 'a workload name (concur list shows them); omit it with --task')
    .option(
      '-s, --strategies <names>',
      'comma-separated strategies, e.g. thread,async (default: every one found)',
    )
    .option(
      '-c, --concurrency <n|list>',
      "units per strategy, or a sweep such as 1,2,4,8 (default: each strategy's own)",
    )
    .addOption(
      withDefault('-r, --runs <n>', 'measured runs per strategy and concurrency', String(DEFAULT_RUNS)),
    )
    .addOption(withDefault('-w, --warmup <n>', 'unmeasured runs before them', String(DEFAULT_WARMUP)))
    .addOption(
      withDefault(
        '-t, --timeout <duration>',
        'per item: 30s, 500ms, 2m, or none',
        `${DEFAULT_TIMEOUT_MS / 1000}s`,
      ),
    )
    .option(
      '--startup-timeout <duration>',
      "per unit: how long its start (the task's import and setup) may take (default: --timeout, at least 30s)",
    )
    .option('-p, --param <name=value>', 'a workload param (repeatable)', collect, [])
    .option('-o, --option <strategy.key=value>', 'a strategy option (repeatable)', collect, [])
    .option('--task <file>', 'race your own task module instead of a named workload')
    .option('--inputs <file>', 'with --task: a JSON file holding an array, one element per item')
    .option('--items <n>', 'with --task: run the inputs 0…n-1')
    .option('--json <file>', 'write the report as JSON ("-": to stdout, and nothing else there)')
    .option('--markdown <file>', 'write the report as Markdown ("-": to stdout)')
    .option('--csv <file>', 'write the summary as CSV ("-": to stdout)')
    .option(
      '--html <file>',
      'write one self-contained HTML report: table, charts, timelines ("-": to stdout)',
    )
    .option('--trace <file>', 'write the runs as a Chrome trace-event file, for Perfetto ("-": to stdout)')
    .option(
      '--baseline <mode>',
      `full: every item, one at a time (the default); sample: ${BASELINE_SAMPLE_ITEMS} of them, evenly spread, scaled to the whole with its interval; none: no baseline (then no speedups)`,
    )
    .addOption(new Option('--no-baseline', 'skip the sequential baseline, as --baseline none'))
    .option('--against <file>', 'then set each row against the same row of a saved report (a --json file)')
    .action(async (workload: string | undefined, flags: RunFlags) => {
      const { runCommand } = await import('./commands/run.js');
      setExitCode(await runCommand(workload, flags, ctx));
    });

  program
    .command('diff')
    .description(
      'set two saved reports against each other, row by row: before and after, within the noise or not',
    )
    .argument('<before>', 'the earlier report (a file written by concur run --json)')
    .argument('<after>', 'the later report')
    .option('--json <file>', 'write the diff as JSON ("-": to stdout, and nothing else there)')
    .action(async (before: string, after: string, flags: DiffFlags) => {
      const { diffCommand } = await import('./commands/diff.js');
      setExitCode(await diffCommand(before, after, flags, ctx));
    });

  program
    .command('list')
    .description('list strategies and workloads, and plugins that could not be loaded')
    .option('--json', 'as JSON')
    .action(async (flags: { json?: boolean }) => {
      const { listCommand } = await import('./commands/list.js');
      setExitCode(await listCommand(flags, ctx));
    });

  addNewStrategyCommand(program, ctx, setExitCode);

  program
    .command('worker')
    .description(
      'serve queue units, here or on any machine that reaches the broker, for runs with --option queue.workers=remote',
    )
    .addOption(withDefault('--broker <url>', 'the Redis the runs use', 'redis://127.0.0.1:6379'))
    .addOption(
      withDefault('--queue-prefix <prefix>', "the runs' queue.prefix: whose lobby to wait in", 'concur'),
    )
    .action(async (flags: WorkerFlags) => {
      const { workerCommand } = await import('./commands/worker.js');
      setExitCode(await workerCommand(flags, ctx));
    });
  // A word after the arguments a command takes is a mistake (`concur run cpu-sum extra-arg`), never
  // something to ignore while the whole default workload runs.
  for (const command of program.commands) command.allowExcessArguments(false);
  return program;
}

/** A string option whose default shows in --help without quotes: "(default: 30s)". */
function withDefault(flags: string, description: string, value: string): Option {
  return new Option(flags, description).default(value, value);
}

function version(): string {
  const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version?: unknown;
  };
  if (typeof manifest.version !== 'string')
    throw new Error('package.json of @concur/tui has no version. This is a bug in concur.');
  return manifest.version;
}
