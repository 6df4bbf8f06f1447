// Failure reasons as a person reads them: grouped by kind and message with counts, capped, in the Markdown
// report; and each stored message capped so that a task throwing megabytes cannot swell the report.
import { describe, expect, it } from 'vitest';
import type { ItemFailure } from '../src/engine/run-record.js';
import { FAILURE_MESSAGE_LIMIT, Tally } from '../src/engine/tally.js';
import { buildReport } from '../src/report/build.js';
import { failureGroupText, failureReasons, otherFailuresText } from '../src/report/failure-groups.js';
import { reportToMarkdown } from '../src/report/markdown.js';
import { makeRun, sampleInput } from './report-fixture-runs.js';

const failing = (messages: readonly string[]): Partial<ReturnType<typeof makeRun>> => {
  const failures: ItemFailure[] = messages.map((message, index) => ({
    index,
    kind: 'threw',
    message,
    unit: 0,
  }));
  return { failures, items: { total: 10, done: 10 - failures.length, failed: failures.length } };
};

describe('failure reasons', () => {
  it('groups failures by kind and message over the measured runs, the most frequent first', () => {
    const refused = 'connect ECONNREFUSED 127.0.0.1:1';
    const runs = [
      makeRun('async', 1, 50, { warmup: true, ...failing(['warmup only']) }),
      makeRun('async', 1, 50, failing([refused, refused, 'socket hang up'])),
      makeRun('async', 2, 50, failing([refused, refused])),
      makeRun('thread', 1, 80),
    ];
    const [async, ...others] = failureReasons(runs);
    expect(others).toEqual([]);
    expect(async?.groups.map(failureGroupText)).toEqual([
      `4 × threw: ${refused}`,
      '1 × threw: socket hang up',
    ]);
    expect(async && otherFailuresText(async)).toBeUndefined();
  });

  it('caps a flood of distinct messages, and counts what it left out', () => {
    const messages = Array.from({ length: 9 }, (_, index) => `item ${index} broke`);
    const [row] = failureReasons([makeRun('thread', 1, 80, failing(messages))], 3);
    expect(row?.groups).toHaveLength(3);
    expect(row && otherFailuresText(row)).toBe(
      '… and 6 more failures with 6 other reasons (every one is in the JSON and CSV reports)',
    );
  });

  it('prints a long or many-line message on one short line', () => {
    const text = failureGroupText({
      kind: 'threw',
      message: `Error: x\n    at y\n${'z'.repeat(500)}`,
      count: 2,
    });
    expect(text).toMatch(/^2 × threw: Error: x at y z+…$/);
    expect(text.length).toBeLessThan(200);
  });

  it('shows the reasons in the Markdown report, grouped, with counts', () => {
    const input = sampleInput();
    const markdown = reportToMarkdown(buildReport(input));
    expect(markdown).toContain(
      '## Failures\n\n**thread** (concurrency 2)\n\n- 1 × threw: Error: bad "input", try again',
    );
    const clean = { ...input, runs: input.runs.map((run) => ({ ...run, failures: [] })) };
    expect(reportToMarkdown(buildReport(clean))).not.toContain('## Failures');
  });

  it('keeps each stored failure message under its cap, and says how much was cut', () => {
    const tally = new Tally(1, false);
    tally.start();
    const huge = 'x'.repeat(5 * 1024 * 1024);
    tally.settle(0, 0, undefined, { ok: false, error: { kind: 'threw', message: huge }, serviceMs: 1 });
    const [failure] = tally.record(figures()).failures;
    expect(failure?.message.length).toBeLessThan(FAILURE_MESSAGE_LIMIT + 100);
    expect(failure?.message).toMatch(
      new RegExp(`… \\(${huge.length - FAILURE_MESSAGE_LIMIT} more characters cut\\)$`),
    );
  });
});

function figures(): Parameters<Tally['record']>[0] {
  return {
    strategy: 'thread',
    run: 1,
    warmup: false,
    concurrency: 1,
    wallMs: 10,
    startupMs: 1,
    engineCpu: { user: 0, system: 0 },
    replacements: 0,
    loopDelay: { p50Ms: 0, p99Ms: 0, maxMs: 0 },
    output: [],
    outputTruncated: false,
    stop: { why: 'finished' },
  };
}
