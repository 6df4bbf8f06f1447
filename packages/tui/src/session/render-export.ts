/** Every view a report is exported in: the core's (JSON, Markdown, CSV, trace) and the HTML page written here. */
import type { Report } from '@concur/core';
import { type ReportFormat, renderReport, writeFileAtomic } from '@concur/core/orchestrate';

export type ExportFormat = ReportFormat | 'html';

export async function renderExport(report: Report, format: ExportFormat): Promise<string> {
  if (format !== 'html') return renderReport(report, format);
  // The page, its charts and timelines are imported only for a run that writes one.
  const { renderHtml } = await import('../html/render-html.js');
  return renderHtml(report);
}

/** Write the view atomically: a reader never sees half a file. */
export async function writeExport(path: string, report: Report, format: ExportFormat): Promise<void> {
  await writeFileAtomic(path, await renderExport(report, format));
}
