/** Every view a report is exported in: the core's (JSON, Markdown, CSV, trace) and the HTML page written here. */
import type { Report } from '@concur/core';
import { type ReportFormat, renderReport, writeFileAtomic } from '@concur/core/orchestrate';
import { renderHtml } from '../html/render-html.js';

export type ExportFormat = ReportFormat | 'html';

export function renderExport(report: Report, format: ExportFormat): string {
  return format === 'html' ? renderHtml(report) : renderReport(report, format);
}

/** Write the view atomically: a reader never sees half a file. */
export async function writeExport(path: string, report: Report, format: ExportFormat): Promise<void> {
  await writeFileAtomic(path, renderExport(report, format));
}
