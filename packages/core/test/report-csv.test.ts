import { describe, expect, it } from 'vitest';
import { buildReport } from '../src/report/build.js';
import { reportToCsv } from '../src/report/csv.js';
import { makeRun, sampleInput } from './report-fixture-runs.js';

/** A strict RFC 4180 reader, enough to check what the writer produced. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field !== '' || row.length > 0) throw new Error('CSV does not end with CRLF');
  return rows;
}

describe('reportToCsv', () => {
  it('writes a header and one row per run, warmups marked, with CRLF line ends', () => {
    const csv = reportToCsv(buildReport(sampleInput()));
    const rows = parseCsv(csv);
    expect(rows[0]?.slice(0, 6)).toEqual([
      'strategy',
      'concurrency',
      'run',
      'warmup',
      'wall_ms',
      'startup_ms',
    ]);
    expect(rows).toHaveLength(1 + sampleInput().runs.length);
    for (const row of rows) expect(row).toHaveLength(rows[0]?.length ?? 0);
    expect(rows[3]?.slice(0, 5)).toEqual(['thread', '2', '1', 'true', '4000']);
  });

  it('quotes fields holding quotes, commas and line breaks, and leaves unknown figures empty', () => {
    const input = sampleInput();
    const broken = makeRun('async', 3, 700, {
      latencyMs: Array(10).fill(Number.NaN),
      aborted: 'every replacement failed:\nspawn EAGAIN',
      failures: [{ index: 0, kind: 'spawn-failed', message: 'a, b', unit: -1 }],
    });
    const csv = reportToCsv(buildReport({ ...input, runs: [...input.runs, broken] }));
    expect(csv).toContain(',"item 3 threw: Error: bad ""input"", try again"\r\n');
    const rows = parseCsv(csv);
    const header = rows[0] ?? [];
    const last = rows.at(-1) ?? [];
    const cell = (name: string) => last[header.indexOf(name)];
    expect(cell('aborted')).toBe('every replacement failed:\nspawn EAGAIN');
    expect(cell('failures')).toBe('item 0 spawn-failed: a, b');
    expect(cell('latency_p50_ms')).toBe('');
    expect(cell('wall_ms')).toBe('700');
  });
});
