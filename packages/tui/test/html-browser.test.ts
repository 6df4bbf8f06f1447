// The HTML report of real runs, opened in a real headless Chromium (Debian's `chromium`, driven by
// playwright-core): no console error, no request beyond the file itself, every chart drawn, and the table's
// figures those of the JSON report of the same run. CI must have Chromium; elsewhere, without one, the test
// is skipped with one line. Set CONCUR_SCREENSHOTS to a folder to keep a screenshot of each page.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Report } from '@concur/core';
import { COMPARISON_COLUMNS, validateReport } from '@concur/core/orchestrate';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runConcur, tempCwd } from './fixtures/cli/run-concur.js';

/** Chromium as Debian installs it, or where CONCUR_CHROMIUM says. */
function findChromium(): string | undefined {
  if (process.env.CONCUR_CHROMIUM) return process.env.CONCUR_CHROMIUM;
  for (const name of ['chromium', 'chromium-browser']) {
    try {
      const path = execFileSync('which', [name], { encoding: 'utf8' }).trim();
      if (path && existsSync(path)) return path;
    } catch {
      // not on PATH: try the next name
    }
  }
  return undefined;
}

const executablePath = findChromium();
if (!executablePath && process.env.CI)
  throw new Error('the HTML report tests need Chromium, and CI must install it: apt-get install -y chromium');
if (!executablePath)
  console.warn('HTML report browser tests skipped: no chromium on PATH (apt-get install chromium)');

let cwd: Awaited<ReturnType<typeof tempCwd>>;
let browser: Browser | undefined;
beforeAll(async () => {
  cwd = await tempCwd();
  if (executablePath) browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await cwd.remove();
});

interface Opened {
  readonly errors: string[];
  readonly requests: string[];
  readonly charts: { chart: string; drawn: number; inked: number }[];
  readonly table: string[][];
}

/** Open the page as a user would, wait for its charts, and read what it drew. */
async function open(file: string, screenshot: string): Promise<Opened> {
  if (!browser) throw new Error('no browser');
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => requests.push(r.url()));
  const url = `file://${file}`;
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
  const charts = await page.$$eval('canvas', (canvases) =>
    canvases.map((c) => {
      // Pixels with any ink: a chart that drew nothing leaves its canvas transparent.
      const pixels =
        c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data ?? new Uint8ClampedArray();
      let inked = 0;
      for (let i = 3; i < pixels.length; i += 4) if ((pixels[i] ?? 0) > 0) inked += 1;
      return { chart: c.dataset.chart ?? '', drawn: Number(c.dataset.drawn ?? 0), inked };
    }),
  );
  const table = await page.$$eval('#comparison tbody tr', (rows) =>
    rows.map((row) => Array.from(row.querySelectorAll('td'), (td) => td.textContent ?? '')),
  );
  const folder = process.env.CONCUR_SCREENSHOTS;
  if (folder) await page.screenshot({ path: join(folder, screenshot), fullPage: true });
  await page.close();
  return { errors, requests: requests.filter((r) => r !== url), charts, table };
}

async function runWithHtml(name: string, args: readonly string[]): Promise<{ report: Report; page: Opened }> {
  const result = await runConcur(['run', ...args, '--html', `${name}.html`, '--json', `${name}.json`], {
    cwd: cwd.path,
  });
  expect(result.stderr).not.toMatch(/^concur: /m);
  expect(result.code).toBe(0);
  const report = validateReport(JSON.parse(await readFile(join(cwd.path, `${name}.json`), 'utf8')));
  return { report, page: await open(join(cwd.path, `${name}.html`), `${name}.png`) };
}

function expectWellDrawn({ report, page }: { report: Report; page: Opened }, sweep: boolean): void {
  expect(page.errors).toEqual([]);
  expect(page.requests).toEqual([]);
  const groups = new Set(report.runs.filter((r) => !r.warmup).map((r) => `${r.strategy} ${r.concurrency}`));
  const kinds = page.charts.map((c) => c.chart);
  expect(kinds.filter((k) => k === 'timeline')).toHaveLength(groups.size);
  expect(kinds).toContain('wall');
  expect(kinds).toContain('latency');
  expect(kinds.includes('sweep')).toBe(sweep);
  for (const chart of page.charts) {
    expect(chart.drawn, `${chart.chart} has data`).toBeGreaterThan(0);
    expect(chart.inked, `${chart.chart} drew something`).toBeGreaterThan(500);
  }
  // The table says what the JSON report of the same run says, cell by cell.
  expect(page.table).toEqual(report.summary.map((row) => COMPARISON_COLUMNS.map((c) => c.cell(row))));
}

describe.skipIf(!executablePath)('the HTML report in a browser', () => {
  it('of a CPU-bound comparison', async () => {
    const run = await runWithHtml('cpu', [
      'cpu-sum',
      '--param',
      'items=4',
      '--param',
      'n=30000000',
      '--runs',
      '1',
      '--strategies',
      'process,thread,async',
      '--concurrency',
      '2',
    ]);
    expectWellDrawn(run, false);
  }, 300_000);

  it('of an I/O-bound comparison', async () => {
    const run = await runWithHtml('io', [
      'sleep',
      '--param',
      'items=40',
      '--param',
      'ms=20',
      '--runs',
      '2',
      '--strategies',
      'async,thread',
    ]);
    expectWellDrawn(run, false);
  }, 300_000);

  it('of a sweep, with its fits', async () => {
    const run = await runWithHtml('sweep', [
      'cpu-sum',
      '--param',
      'items=4',
      '--param',
      'n=30000000',
      '--runs',
      '1',
      '--strategies',
      'thread,async',
      '--concurrency',
      '1,2,4',
    ]);
    expectWellDrawn(run, true);
    expect(run.report.scaling?.map((s) => s.strategy)).toEqual(['thread', 'async']);
  }, 300_000);
});
