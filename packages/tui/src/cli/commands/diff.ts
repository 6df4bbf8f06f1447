/** `concur diff BEFORE AFTER`: two saved reports set against each other, row by row, without running anything. */

import { resolve } from 'node:path';
import { diffReports, writeFileAtomic } from '@concur/core/orchestrate';
import { diffText } from '../../plain/diff-text.js';
import { checkExportTarget, STDOUT_TARGET } from '../../session/exports.js';
import { painter, wantsColour } from '../colour.js';
import type { CliContext } from '../context.js';
import { EXIT } from '../errors.js';
import { readSavedReport } from '../saved-report.js';

export interface DiffFlags {
  /** Write the diff as JSON ("-": to stdout, and nothing else there). */
  readonly json?: string;
}

export async function diffCommand(
  beforeFile: string,
  afterFile: string,
  flags: DiffFlags,
  ctx: CliContext,
): Promise<number> {
  if (flags.json !== undefined) await checkTarget(flags.json, ctx.cwd);
  const before = await readSavedReport(beforeFile, ctx.cwd);
  const after = await readSavedReport(afterFile, ctx.cwd);
  const diff = diffReports(before.report, after.report, { before: before.label, after: after.label });
  const json = `${JSON.stringify(diff, null, 2)}\n`;
  if (flags.json === STDOUT_TARGET) ctx.stdout.write(json);
  else if (flags.json !== undefined) await writeFileAtomic(resolve(ctx.cwd, flags.json), json);
  // Standard output holds the JSON when asked for; the text then goes to stderr.
  const textStream = flags.json === STDOUT_TARGET ? ctx.stderr : ctx.stdout;
  textStream.write(diffText(diff, painter(wantsColour(textStream, ctx.env))));
  return EXIT.ok;
}

async function checkTarget(path: string, cwd: string): Promise<void> {
  if (path !== STDOUT_TARGET) await checkExportTarget('--json', path, cwd);
}
