import { describe, expect, it } from 'vitest';
import { buildReport } from '../src/report/build.js';
import { validateReport } from '../src/report/read-report.js';
import { sampleInput } from './report-fixture-runs.js';

/** A fresh JSON copy of the sample report, to break. */
// biome-ignore lint/suspicious/noExplicitAny: a JSON document broken on purpose, field by field
function reportJson(): Record<string, any> {
  return JSON.parse(JSON.stringify(buildReport(sampleInput())));
}

describe('validateReport rejects a broken document naming the path', () => {
  it('names a run figure of the wrong type', () => {
    const json = reportJson();
    json.runs[2].wallMs = 'abc';
    expect(() => validateReport(json)).toThrow('report.runs[2].wallMs must be a number, got "abc"');
  });

  it('names a missing field', () => {
    const json = reportJson();
    delete json.summary[1].wall.median;
    expect(() => validateReport(json)).toThrow(
      'report.summary[1].wall.median must be a number, but it is missing',
    );
  });

  it('names a bad enum value, a bad trait and a bad verdict', () => {
    const json = reportJson();
    json.runs[5].failures[0].kind = 'exploded';
    expect(() => validateReport(json)).toThrow(
      /^report\.runs\[5\]\.failures\[0\]\.kind must be one of "threw"/,
    );
    const traits = reportJson();
    traits.traits[1].traits.pros = 'fast';
    expect(() => validateReport(traits)).toThrow('report.traits[1].traits.pros must be an array, got "fast"');
    const verdict = reportJson();
    verdict.verdict[0].significant = 'yes';
    expect(() => validateReport(verdict)).toThrow('report.verdict[0].significant must be true or false');
  });

  it('keeps a strategy’s inEngineLoop trait, and names one that is not a boolean', () => {
    const json = reportJson();
    json.traits[1].traits.inEngineLoop = true;
    expect(validateReport(json).traits[1]?.traits.inEngineLoop).toBe(true);
    expect(validateReport(reportJson()).traits[1]?.traits).not.toHaveProperty('inEngineLoop');
    json.traits[1].traits.inEngineLoop = 'yes';
    expect(() => validateReport(json)).toThrow('report.traits[1].traits.inEngineLoop must be true or false');
  });

  it('names a param key that is not an identifier with brackets', () => {
    const json = reportJson();
    json.workload.params['chunk-size'] = null;
    expect(() => validateReport(json)).toThrow(
      'report.workload.params["chunk-size"] must be a number, got null',
    );
  });

  it('refuses another document or another version', () => {
    expect(() => validateReport([])).toThrow('report must be an object, got an array of 0');
    expect(() => validateReport({ schema: 'other' })).toThrow('report.schema must be "concur.report"');
    const json = reportJson();
    json.version = 3;
    expect(() => validateReport(json)).toThrow(
      'report.version must be 1 or 2 (the report versions this concur reads), got 3',
    );
  });

  it('refuses a NaN where only a finite number makes sense', () => {
    const json = reportJson();
    json.machine.cpus = null;
    expect(() => validateReport(json)).toThrow('report.machine.cpus must be an integer, got null');
  });
});
