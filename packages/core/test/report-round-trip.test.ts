import { describe, expect, it } from 'vitest';
import { buildReport, describeMachine } from '../src/report/build.js';
import { validateReport } from '../src/report/read-report.js';
import { REPORT_SCHEMA, REPORT_VERSION } from '../src/report/types.js';
import { sampleInput } from './report-fixture-runs.js';

describe('report round-trip through the schema', () => {
  it('reads back exactly what was written, NaN in per-item figures included', () => {
    const report = buildReport(sampleInput());
    const text = JSON.stringify(report);
    // JSON has no NaN: the run's missing latency is stored as null…
    expect(text).toContain('"latencyMs":[1,2,3,null,5');
    const back = validateReport(JSON.parse(text));
    // …and read back as NaN, so the whole report is equal again.
    expect(back).toStrictEqual(report);
    expect(back.runs[5]?.latencyMs[3]).toBeNaN();
  });

  it('stamps the schema and version, and summarises the runs', () => {
    const report = buildReport(sampleInput());
    expect(report).toMatchObject({ schema: REPORT_SCHEMA, version: REPORT_VERSION, cancelled: false });
    expect(report.createdAt).toBe('2024-05-01T12:00:00.000Z');
    expect(report.summary).toHaveLength(3);
    expect(report.verdict[0]?.winner).toBe('thread');
  });

  it('stores an endless item timeout as null, and reads it back', () => {
    const input = sampleInput();
    const report = buildReport({
      ...input,
      settings: { ...input.settings, timeoutMs: Number.POSITIVE_INFINITY },
    });
    expect(report.settings.timeoutMs).toBeNull();
    expect(validateReport(JSON.parse(JSON.stringify(report)))).toStrictEqual(report);
  });

  it('describes this machine when none is given, and marks a report with a cancelled run', () => {
    const input = sampleInput();
    const { machine: _ignored, ...rest } = input;
    const cancelledRun = { ...input.runs[6], cancelled: true } as (typeof input.runs)[number];
    const report = buildReport({ ...rest, runs: [...input.runs.slice(0, 6), cancelledRun] });
    expect(report.machine).toEqual(describeMachine());
    expect(report.machine.cpus).toBeGreaterThan(0);
    expect(report.cancelled).toBe(true);
    expect(validateReport(JSON.parse(JSON.stringify(report)))).toStrictEqual(report);
  });
});
