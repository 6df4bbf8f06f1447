import { join } from 'node:path';
import type { Report } from '@concur/core';
import { writeReport } from '@concur/core/orchestrate';

/** "2025-03-01T14-05-09": sortable, and legal in a file name everywhere (no colons). */
export function fileStamp(date: Date): string {
  return date.toISOString().slice(0, 19).replace(/:/g, '-');
}

/** Write the report as JSON and Markdown into `dir`; resolves to the two paths. */
export async function exportReport(
  report: Report,
  dir: string,
  date = new Date(),
): Promise<{ json: string; markdown: string }> {
  const base = join(dir, `concur-report-${fileStamp(date)}`);
  const paths = { json: `${base}.json`, markdown: `${base}.md` };
  await writeReport(paths.json, report, 'json');
  await writeReport(paths.markdown, report, 'markdown');
  return paths;
}
