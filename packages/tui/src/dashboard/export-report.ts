import { join } from 'node:path';
import type { Report } from '@concur/core';
import { type ExportFormat, writeExport } from '../session/render-export.js';

/** "2025-03-01T14-05-09": sortable, and legal in a file name everywhere (no colons). */
export function fileStamp(date: Date): string {
  return date.toISOString().slice(0, 19).replace(/:/g, '-');
}

const EXTENSIONS: Readonly<Record<ExportFormat, string>> = {
  json: '.json',
  markdown: '.md',
  csv: '.csv',
  html: '.html',
  trace: '.trace.json',
};

/** What `e` offers, by the key that picks it. `e` again writes what it always wrote: JSON and Markdown. */
export const EXPORT_CHOICES: Readonly<Record<string, readonly ExportFormat[]>> = {
  e: ['json', 'markdown'],
  j: ['json'],
  m: ['markdown'],
  c: ['csv'],
  h: ['html'],
  t: ['trace'],
  a: ['json', 'markdown', 'csv', 'html', 'trace'],
};

export const EXPORT_MENU =
  'export: e JSON and Markdown · j JSON · m Markdown · c CSV · h HTML · t trace (Perfetto) · a all · esc cancel';

/** Write the report in each of `formats` into `dir`; resolves to the paths, in that order. */
export async function exportReport(
  report: Report,
  dir: string,
  date = new Date(),
  formats: readonly ExportFormat[] = ['json', 'markdown'],
): Promise<string[]> {
  const base = join(dir, `concur-report-${fileStamp(date)}`);
  const paths: string[] = [];
  for (const format of formats) {
    const path = `${base}${EXTENSIONS[format]}`;
    await writeExport(path, report, format);
    paths.push(path);
  }
  return paths;
}
