/** Writes files so that a reader sees the old file or the new one, never half of one. */
import { randomBytes } from 'node:crypto';
import { open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { reportToCsv } from './csv.js';
import { jsonText } from './json-text.js';
import { reportToMarkdown } from './markdown.js';
import { renderTrace } from './trace.js';
import type { Report } from './types.js';

/**
 * Write `text` to a temporary file beside `path` (the same directory, so the same file system), flush it
 * to disk, then rename it over `path`: rename is atomic, so `path` holds either its old content or the whole
 * new one, even if the process dies midway. On failure the temporary file is removed and the error rethrown.
 */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => {});
    throw error;
  }
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
