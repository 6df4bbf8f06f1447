/** The report files a user asked for: checked before anything runs, written after (see writeFileAtomic). */
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, open, stat, unlink } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { InputError, type Report } from '@concur/core';
import { writeTargetOf } from '@concur/core/orchestrate';
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
 * Fail before measuring, not after: a report that could not be written (its folder missing or read-only, a
 * folder where the file should be), two views sent to the same file or to standard output at once, is a
 * mistake the user should hear about while it costs nothing.
 */
export async function checkExportTargets(exports: ExportTargets, cwd: string): Promise<void> {
  const targets = targetsOf(exports);
  const toStdout = targets.filter(([, path]) => path === STDOUT_TARGET);
  if (toStdout.length > 1)
    throw new InputError(
      `${toStdout.map(([format]) => FLAGS[format]).join(' and ')} both write to standard output ("-"); send at most one there and the others to files`,
    );
  const claimed = new Map<string, string>();
  for (const [format, path] of targets) {
    if (path === STDOUT_TARGET) continue;
    const flag = `${FLAGS[format]} ${path}`;
    const real = await checkExportTarget(FLAGS[format], path, cwd);
    const earlier = claimed.get(real);
    if (earlier !== undefined)
      throw new InputError(
        `${earlier} and ${flag} name the same file, and the second would overwrite the first; give each its own path`,
      );
    claimed.set(real, flag);
  }
}

/**
 * One export path, checked as the write will meet it: resolves to where the bytes will really go (a
 * symlink's target), or throws an InputError naming the flag and the path.
 */
export async function checkExportTarget(flag: string, path: string, cwd: string): Promise<string> {
  if (path.trim() === '') throw new InputError(`${flag} needs a file path (or "-" for standard output)`);
  const named = `${flag} ${path}`;
  const target = await writeTargetOf(resolve(cwd, path)).catch((error: unknown) => {
    throw new InputError(`${named}: cannot be resolved (${errorCode(error)}); choose another path`);
  });
  if (target.how === 'folder')
    throw new InputError(
      `${named} is a folder; name a file, e.g. ${join(path, `report${EXTENSIONS[flag] ?? ''}`)}`,
    );
  // Its own identity, so that two exports to /dev/stdout are refused as two to one file.
  if (target.how === 'standard-stream') return `standard stream ${target.fd}`;
  if (target.how === 'write-through') {
    await access(target.path, constants.W_OK).catch((error: unknown) => {
      throw new InputError(`${named}: cannot be written (${errorCode(error)}); choose another path`);
    });
    return target.path;
  }
  const folder = dirname(target.path);
  const info = await stat(folder).catch(() => undefined);
  if (!info?.isDirectory())
    throw new InputError(`${named}: the folder ${folder} does not exist; create it or choose another path`);
  await probeFolder(folder).catch((error: unknown) => {
    throw new InputError(
      `${named}: cannot create files in ${folder} (${errorCode(error)}); choose a folder you can write to`,
    );
  });
  return target.path;
}

const EXTENSIONS: Readonly<Record<string, string>> = {
  '--json': '.json',
  '--markdown': '.md',
  '--csv': '.csv',
  '--trace': '.json',
  '--html': '.html',
};

/**
 * Create and remove a file in `folder`, as the atomic write will: the only honest test of writability
 * (permission bits say nothing of a read-only mount, and root passes every access check).
 */
async function probeFolder(folder: string): Promise<void> {
  const probe = join(folder, `.concur-probe.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  await (await open(probe, 'wx')).close();
  await unlink(probe);
}

function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : String(error);
}

/** Write every file target (a regular file atomically: a reader never sees half a report). */
export async function writeExports(report: Report, exports: ExportTargets, cwd: string): Promise<void> {
  for (const [format, path] of targetsOf(exports)) {
    if (path === STDOUT_TARGET) continue;
    // Checked before the run, so this is rare (a full disk, a folder removed meanwhile): name the flag.
    await writeExport(resolve(cwd, path), report, format).catch((error: unknown) => {
      throw new Error(`${FLAGS[format]} ${path}: the report could not be written (${errorCode(error)})`);
    });
  }
}
