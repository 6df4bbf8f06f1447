import { describe, expect, it } from 'vitest';
import { buildReport } from '../src/report/build.js';
import { jsonText } from '../src/report/json-text.js';
import { renderReport } from '../src/report/write.js';
import { sampleInput } from './report-fixture-runs.js';

describe('the JSON report’s text', () => {
  it('parses to what JSON.stringify gives, NaN as null and undefined left out', () => {
    const value = {
      a: [1, Number.NaN, 2.5],
      b: { c: 'x', d: undefined, e: [] as number[], f: {} },
      g: [{ h: [true, null, 'y'] }],
      when: new Date('2024-05-01T12:00:00Z'),
    };
    expect(JSON.parse(jsonText(value))).toStrictEqual(JSON.parse(JSON.stringify(value)));
  });

  it('puts arrays of plain values on one line and indents the rest', () => {
    expect(jsonText({ a: [1, 2], b: [{ c: 1 }] })).toBe(
      '{\n  "a": [1,2],\n  "b": [\n    {\n      "c": 1\n    }\n  ]\n}',
    );
  });

  it('keeps a report of 10,000 items with its timeline small', () => {
    const input = sampleInput();
    const total = 10_000;
    const column = (f: (i: number) => number) => Array.from({ length: total }, (_, i) => f(i));
    const run = {
      ...input.runs[1],
      items: { total, done: total, failed: 0 },
      latencyMs: column((i) => 1000.123 + i * 0.731),
      serviceMs: column((i) => 0.412 + (i % 7) * 0.01),
      timeline: {
        itemUnit: column((i) => i % 4),
        itemStartMs: column((i) => 990.456 + i * 0.731),
        itemEndMs: column((i) => 1000.123 + i * 0.731),
        itemOutcome: column(() => 0),
        unitSpawnMs: [0, 0, 0, 0],
        unitReadyMs: [30.1, 31.2, 32.3, 33.4],
        unitEndMs: [8000.5, 8000.6, 8000.7, 8000.8],
        samples: { atMs: [], unit: [], cpuMs: [], rssBytes: [] },
        loop: { atMs: [], delayMs: [] },
      },
    } as (typeof input.runs)[number];
    const text = renderReport(buildReport({ ...input, runs: [run] }), 'json');
    // Six per-item columns of about nine characters a figure; indented one per line it was three times that.
    expect(text.length).toBeLessThan(total * 6 * 10 + 20_000);
    expect(JSON.stringify(buildReport({ ...input, runs: [run] }), null, 2).length).toBeGreaterThan(
      2 * text.length,
    );
  });
});
