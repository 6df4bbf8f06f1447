/**
 * A comparison for a pipe, a log or CI: progress lines on stderr, then the table, verdict and
 * recommendation on stdout (or the report itself with `--json -`, and then nothing else on stdout), and with
 * `--against` the before and after.
 */

import type { Report } from '@concur/core';
import type { Catalog } from '@concur/core/orchestrate';
import { painter, wantsColour } from '../cli/colour.js';
import type { CliContext } from '../cli/context.js';
import { EXIT } from '../cli/errors.js';
import { executeIn } from '../session/execute-comparison.js';
import { STDOUT_TARGET, targetsOf } from '../session/exports.js';
import { renderExport } from '../session/render-export.js';
import { SIGNAL_EXIT, trapTermination } from '../session/signals.js';
import type { ComparisonRequest } from '../session/types.js';
import { diffText } from './diff-text.js';
import { ProgressLines } from './progress-lines.js';
import { comparisonText } from './table.js';

export async function runPlain(
  request: ComparisonRequest,
  catalog: Catalog,
  ctx: CliContext,
): Promise<number> {
  const progress = new ProgressLines(ctx.stderr, {
    paint: painter(wantsColour(ctx.stderr, ctx.env)),
    workload: request.workload.name,
  });
  const termination = trapTermination({ onSignal: (signal) => progress.stopping(signal) });
  try {
    const report = await executeIn(ctx.cwd, request, {
      catalog,
      onEvent: progress.onEvent,
      signal: termination.signal,
      onNotice: (line) => ctx.stderr.write(`concur: ${line}\n`),
      onSalvage: (salvage) =>
        termination.setSalvage(
          salvage &&
            (async () => {
              const partial = await salvage();
              if (!partial) return;
              for (const [format] of toStdoutOf(request))
                ctx.stdout.write(await renderExport(partial, format));
              ctx.stderr.write(
                'concur: left before the run in progress ended; the report holds the runs that had finished\n',
              );
            }),
        ),
    });
    progress.stop();
    const toStdout = toStdoutOf(request);
    for (const [format] of toStdout) ctx.stdout.write(await renderExport(report, format));
    // Standard output holds the report when asked for; the table then goes where the progress went.
    const tableStream = toStdout.length > 0 ? ctx.stderr : ctx.stdout;
    const paint = painter(wantsColour(tableStream, ctx.env));
    tableStream.write(`\n${comparisonText(report, paint)}`);
    if (report.against) tableStream.write(`\n${diffText(report.against, paint)}`);
    const signal = termination.received();
    if (signal) return SIGNAL_EXIT[signal];
    return itemsFailed(report) ? EXIT.itemsFailed : EXIT.ok;
  } finally {
    progress.stop();
    termination.dispose();
  }
}

function toStdoutOf(request: ComparisonRequest) {
  return targetsOf(request.exports).filter(([, path]) => path === STDOUT_TARGET);
}

/** Whether any item of any run failed, or a run could not proceed at all. */
export function itemsFailed(report: Report): boolean {
  return report.runs.some((run) => run.items.failed > 0 || run.aborted !== undefined);
}
