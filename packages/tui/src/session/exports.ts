/** The report files a user asked for: checked before anything runs, written atomically after. */
import { stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { InputError, type Report } from '@concur/core';
import { type ExportFormat, writeExport } from './render-export.js';
import type { ExportTargets } from './types.js';

/** "-" names standard output: the command prints that view itself instead of writing a file. */
export const STDOUT_TARGET = '-';

const FLAGS: Readonly<Record<ExportFormat, string>> = {
  json: '--json',
  markdown: '--markdown',
  csv: '--csv',
  trace: '--trace',
  html: '--html',
};

/** Each target as [format, path], in a fixed order. */
export function targetsOf(exports: ExportTargets): [ExportFormat, string][] {
  const formats: ExportFormat[] = ['json', 'markdown', 'csv', 'trace', 'html'];
  return formats.flatMap((format) => {
    const path = exports[format];
    return path === undefined ? [] : [[format, path] as [ExportFormat, string]];
  });
}

/**
 * Fail before measuring, not after: a report whose folder does not exist, or two views sent to standard
 * output at once, is a mistake the user should hear about while it costs nothing.
 */
export async function checkExportTargets(exports: ExportTargets, cwd: string): Promise<void> {
  const targets = targetsOf(exports);
  const toStdout = targets.filter(([, path]) => path === STDOUT_TARGET);
  if (toStdout.length > 1)
    throw new InputError(
      `${toStdout.map(([format]) => FLAGS[format]).join(' and ')} both write to standard output ("-"); send at most one there and the others to files`,
    );
  for (const [format, path] of targets) {
    if (path === STDOUT_TARGET) continue;
    if (path.trim() === '')
      throw new InputError(`${FLAGS[format]} needs a file path (or "-" for standard output)`);
    const folder = dirname(resolve(cwd, path));
    const info = await stat(folder).catch(() => undefined);
    if (!info?.isDirectory())
      throw new InputError(
        `${FLAGS[format]} ${path}: the folder ${folder} does not exist; create it or choose another path`,
      );
  }
}

/** Write every file target (atomically: a reader never sees half a report). */
export async function writeExports(report: Report, exports: ExportTargets, cwd: string): Promise<void> {
  for (const [format, path] of targetsOf(exports))
    if (path !== STDOUT_TARGET) await writeExport(resolve(cwd, path), report, format);
}
