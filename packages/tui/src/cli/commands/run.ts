/** `concur run WORKLOAD [flags]`: one comparison without questions. */
import { pickStrategies } from '@concur/core/orchestrate';
import { runPlain } from '../../plain/run-plain.js';
import { keepAvailable } from '../../session/availability.js';
import { STDOUT_TARGET } from '../../session/exports.js';
import type { CliContext } from '../context.js';
import { discoverCatalog } from '../discover-catalog.js';
import { isInteractive } from '../interactive.js';
import { readSavedReport } from '../saved-report.js';
import { openDashboard } from './dashboard.js';
import { chooseWorkload, parseRunFlags, type RunFlags } from './run-flags.js';

export async function runCommand(
  name: string | undefined,
  flags: RunFlags,
  ctx: CliContext,
): Promise<number> {
  // Flags first: a typo in one should not wait for every plugin to load.
  const settings = parseRunFlags(flags);
  // A saved report that cannot be read should stop concur before it measures anything, too.
  const against =
    flags.against === undefined
      ? undefined
      : await readSavedReport(flags.against, ctx.cwd, `--against ${flags.against}`);
  const catalog = await discoverCatalog(ctx);
  const request = {
    ...settings,
    workload: await chooseWorkload(name, flags, catalog, ctx.cwd, (line) =>
      ctx.stderr.write(`concur: ${line}\n`),
    ),
    ...(against ? { against } : {}),
  };
  // `--json -` claims standard output for the report, so the dashboard cannot draw there.
  const reportToStdout = Object.values(request.exports).includes(STDOUT_TARGET);
  if (isInteractive(ctx.stdout, ctx.env) && !reportToStdout) {
    // A strategy named but unable to run here stops the run with its line before the dashboard takes the terminal.
    if (request.strategies.length > 0)
      await keepAvailable(pickStrategies(catalog, request.strategies), {
        named: true,
        options: request.strategyOptions,
      });
    const code = await openDashboard({ catalog, initial: request, startImmediately: true }, ctx);
    if (code !== undefined) return code;
  }
  return runPlain(request, catalog, ctx);
}
