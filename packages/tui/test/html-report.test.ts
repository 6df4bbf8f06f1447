// The HTML report as a file: self-contained, its table the report's own figures, small for a big run.
import type { RunRecord, RunTimeline } from '@concur/core';
import { COMPARISON_COLUMNS, diffReports } from '@concur/core/orchestrate';
import { describe, expect, it } from 'vitest';
import { renderHtml } from '../src/html/render-html.js';
import { htmlData } from '../src/html/view-data.js';
import { record, report } from './fixtures/dashboard/samples.js';

/** A run of `items` items on `units` units, one after another on each, with a timeline. */
function bigRun(strategy: string, run: number, items: number, units: number): RunRecord {
  const column = (f: (i: number) => number) => Array.from({ length: items }, (_, i) => f(i));
  const perUnit = Math.ceil(items / units);
  const start = (i: number) => 100.123 + Math.floor(i / units) * 0.917 + (i % units) * 0.0131;
  const timeline: RunTimeline = {
    itemUnit: column((i) => i % units),
    itemStartMs: column(start),
    itemEndMs: column((i) => start(i) + 0.903),
    itemOutcome: column((i) => (i % 997 === 0 ? 1 : 0)),
    unitSpawnMs: Array.from({ length: units }, () => 0),
    unitReadyMs: Array.from({ length: units }, (_, u) => 90 + u),
    unitEndMs: Array.from({ length: units }, () => 100 + perUnit * 0.917 + 5),
    samples: { atMs: [], unit: [], cpuMs: [], rssBytes: [] },
    loop: { atMs: column((i) => i * 50).slice(0, 200), delayMs: column(() => 0.2).slice(0, 200) },
  };
  return record({
    strategy,
    run,
    concurrency: units,
    wallMs: 100 + perUnit * 0.917 + 5,
    items: { total: items, done: items, failed: 0 },
    latencyMs: timeline.itemEndMs,
    serviceMs: column(() => 0.811),
    units: Array.from({ length: units }, (_, u) => ({
      slot: u,
      id: `pid ${4000 + u}`,
      items: perUnit,
      failures: 0,
      end: 'closed',
    })),
    timeline,
  });
}

describe('the HTML report', () => {
  it('is one file that asks nothing of the network: no src, no href, Chart.js and the data inline', () => {
    const html = renderHtml(report({ runs: [bigRun('process', 1, 20, 2)] }));
    expect(html).not.toMatch(/\s(src|href)=/i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).toContain('Chart.js v4');
    expect(html).not.toContain('sourceMappingURL');
    expect(html.match(/<script/g)).toHaveLength(3);
    expect(html).toContain('<canvas data-chart="timeline" data-index="0">');
  });

  it('shows the report’s own figures in its table, cell by cell', () => {
    const r = report();
    const html = renderHtml(r);
    for (const row of r.summary)
      for (const column of COMPARISON_COLUMNS) {
        const cell = column.cell(row).replace(/&/g, '&#38;');
        expect(html).toContain(`<td class="${column.align}" data-column="${column.id}">${cell}</td>`);
      }
    expect(html).toContain(r.recommendation ?? 'no recommendation in the sample');
    for (const v of r.verdict) expect(html).toContain(v.text);
  });

  it('escapes what a task or a workload wrote, so it cannot end the script or add markup', () => {
    const r = report({ workload: { ...report().workload, description: '</script><img src=x>' } });
    const html = renderHtml(r);
    expect(html).not.toContain('</script><img');
    expect(html).toContain('&#60;/script&#62;&#60;img src=x&#62;');
  });

  it('sets the run against a saved one where the report carries the diff', () => {
    const runs = (walls: number[]) =>
      walls.map((wallMs, i) => record({ strategy: 'thread', run: i + 1, wallMs }));
    const saved = report({ runs: runs([1000, 1020, 980]) });
    const now = report({ createdAt: '2025-03-01T13:00:00.000Z', runs: runs([500, 510, 490]) });
    const against = diffReports(saved, now, { before: 'a.json', after: 'this run' });
    const html = renderHtml({ ...now, against });
    expect(html).toContain('<h2>Before and after</h2>');
    for (const row of against.rows) expect(html).toContain(row.text.replace(/&/g, '&#38;'));
    expect(renderHtml(now)).not.toContain('Before and after');
  });

  it('keeps 10,000 items on four strategies (three runs each, and the baseline) under 1.5 MB', () => {
    const items = 10_000;
    const runs = ['baseline', 'process', 'thread', 'async', 'queue'].flatMap((s) =>
      [1, 2, 3].map((run) => bigRun(s, run, items, s === 'baseline' ? 1 : 4)),
    );
    const html = renderHtml(report({ runs }));
    expect(html.length).toBeLessThan(1.5 * 1024 * 1024);
    // One timeline per strategy × concurrency (its median run), every item in it.
    const data = htmlData(report({ runs }), []);
    expect(data.timelines).toHaveLength(5);
    expect(data.timelines.every((t) => t.itemRow.length === items)).toBe(true);
    expect(data.timelines[0]?.label).toBe('baseline ×1 · run 2, the median of 3');
  });

  it('puts a thousand units into at most 40 rows, named by the units each holds', () => {
    const data = htmlData(report({ runs: [bigRun('async', 1, 2000, 1000)] }), []);
    const view = data.timelines[0];
    expect(view?.rows).toHaveLength(40);
    expect(view?.rows[0]).toBe('units 0–24');
    expect(Math.max(...(view?.itemRow ?? []))).toBe(39);
  });
});
