// A comparison whose runs take a few milliseconds measures start-up and clock ticks, not the work: it names
// no winner and says what to do; an efficiency above 100 % is told with its reason.
import { describe, expect, it } from 'vitest';
import { recommend } from '../src/report/recommend.js';
import { rowNotes } from '../src/report/row-notes.js';
import { summarize } from '../src/report/summarize.js';
import { makeRun } from './report-fixture-runs.js';

const find = (rows: ReturnType<typeof summarize>['summary'], strategy: string) => {
  const row = rows.find((r) => r.strategy === strategy);
  if (!row) throw new Error(`no summary row for ${strategy}`);
  return row;
};

describe('short runs', () => {
  const runs = [1, 2, 3].flatMap((run) => [
    makeRun('baseline', run, 4 + run / 10),
    makeRun('async', run, 3.7 + run / 10, { concurrency: 6 }),
    makeRun('thread', run, 120 + run),
  ]);
  const { summary, verdict } = summarize(runs, 6, 2);

  it('names no winner when the fastest runs are under 100 ms, however clear the ratio', () => {
    expect(verdict).toHaveLength(1);
    expect(verdict[0]).toMatchObject({ winner: 'async', loser: 'thread', significant: false });
    expect(verdict[0]?.text).toBe(
      "no winner named between async and thread: 31.28 ± 0.84 times, but async's runs took 3.90 ms, and runs under 100 ms are dominated by start-up: use more or bigger items",
    );
  });

  it('recommends nothing but bigger work', () => {
    expect(recommend(summary, verdict)).toBe(
      "This comparison cannot choose: async's runs took 3.90 ms, and runs under 100 ms are dominated by start-up: use more or bigger items (--items, or the workload's own parameters).",
    );
  });

  it('says so beside the row', () => {
    expect(rowNotes(find(summary, 'async'))).toContain(
      'its runs took 3.90 ms: runs under 100 ms are dominated by start-up: use more or bigger items',
    );
    expect(rowNotes(find(summary, 'thread'))).toEqual([]);
  });
});

it('tells why an efficiency is above 100 %', () => {
  const runs = [1, 2].flatMap((run) => [
    makeRun('baseline', run, 1000 + run),
    makeRun('async', run, 200 + run, { concurrency: 10 }),
  ]);
  const row = find(summarize(runs, 10, 2).summary, 'async');
  // Speedup 5 over an ideal of min(10, 10, 2) = 2.
  expect(row.efficiency).toBeCloseTo(2.49, 2);
  expect(rowNotes(row)).toEqual([
    'efficiency 249 %, above what its cores could give: its items spent their time waiting (I/O, timers), and overlapping the waits is what it gained',
  ]);
});
