/** Writes files so that a reader sees the old file or the new one, never half of one. */
import { randomBytes } from 'node:crypto';
import { open, rename, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { reportToCsv } from './csv.js';
import { jsonText } from './json-text.js';
import { reportToMarkdown } from './markdown.js';
import { renderTrace } from './trace.js';
import type { Report } from './types.js';
import { writeTargetOf } from './write-target.js';

/**
 * Write `text` to `path` so that nothing the user owns is destroyed and no reader sees half a file. A
 * regular file (or a new one) is replaced atomically: the text goes to a temporary file beside it (the same
 * folder, so the same file system), is flushed to disk, then renamed over it, so `path` holds either its old
 * content or the whole new one, even if the process dies midway; a symlink is followed and its target
 * replaced, keeping the file's mode. A FIFO, a device or `/dev/stdout` is written through. On failure the
 * temporary file is removed and the error rethrown.
 */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  const target = await writeTargetOf(path);
  if (target.how === 'folder')
    throw Object.assign(new Error(`EISDIR: ${path} is a folder, not a file`), { code: 'EISDIR' });
  if (target.how === 'write-through') return writeFile(target.path, text, 'utf8');
  if (target.how === 'standard-stream')
    return writeToStream(target.fd === 1 ? process.stdout : process.stderr, text);
  const temp = join(
    dirname(target.path),
    `.${basename(target.path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  );
  try {
    const handle = await open(temp, 'wx', target.mode);
    try {
      await handle.writeFile(text, 'utf8');
      // The umask may have narrowed the mode open was given: the replaced file keeps the mode it had.
      if (target.mode !== undefined) await handle.chmod(target.mode);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target.path);
  } catch (error) {
    await unlink(temp).catch(() => {});
    throw error;
  }
}

function writeToStream(stream: NodeJS.WriteStream, text: string): Promise<void> {
  return new Promise((resolve, reject) => stream.write(text, (error) => (error ? reject(error) : resolve())));
}

/** `trace`: the Chrome trace-event document of the runs' timelines (see `reportToTrace`). */
export type ReportFormat = 'json' | 'markdown' | 'csv' | 'trace';

/**
 * The report in `format`, as text. JSON is indented for people and diffs, with per-item figures on one line
 * each; NaN in it is written as null.
 */
export function renderReport(report: Report, format: ReportFormat): string {
  switch (format) {
    case 'json':
      return `${jsonText(report)}\n`;
    case 'markdown':
      return reportToMarkdown(report);
    case 'csv':
      return reportToCsv(report);
    case 'trace':
      return renderTrace(report);
    default:
      throw new Error(
        `report format must be "json", "markdown", "csv" or "trace", got ${JSON.stringify(format)}`,
      );
  }
}

/** Write the report to `path` in `format`, atomically. */
export async function writeReport(path: string, report: Report, format: ReportFormat): Promise<void> {
  await writeFileAtomic(path, renderReport(report, format));
}
