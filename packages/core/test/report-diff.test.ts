// Before and after: reports from synthetic runs whose wall times are chosen so that every ratio, σ and
// significance flag can be worked out by hand (the working is beside each expectation).
import { describe, expect, it } from 'vitest';
import type { RunRecord } from '../src/engine/run-record.js';
import { buildReport, type ReportInput } from '../src/report/build.js';
import { DIFF_SCHEMA, DRIFT_NOTE, diffReports } from '../src/report/diff.js';
import { validateReportDiff } from '../src/report/read-diff.js';
import { validateReport } from '../src/report/read-report.js';
import type { Report } from '../src/report/types.js';
import { renderReport } from '../src/report/write.js';
import { makeRun, sampleInput } from './report-fixture-runs.js';

const LABELS = { before: 'a.json', after: 'b.json' };

/** A report of `runs` on the sample machine and workload, made at `minute` past noon. */
function reportOf(runs: RunRecord[], over: Partial<ReportInput> = {}, minute = 0): Report {
  return buildReport({
    ...sampleInput(),
    createdAt: new Date(Date.UTC(2024, 4, 1, 12, minute)),
    runs,
    ...over,
  });
}

/** One row's runs: thread at concurrency 2 with these wall times. */
const thread = (walls: number[], over: Partial<RunRecord> = {}) =>
  walls.map((wall, index) => makeRun('thread', index + 1, wall, over));

function onlyRow(beforeWalls: number[], afterWalls: number[]) {
  const diff = diffReports(reportOf(thread(beforeWalls)), reportOf(thread(afterWalls), {}, 5), LABELS);
  expect(diff.unmatched).toEqual([]);
  expect(diff.rows).toHaveLength(1);
  return { diff, row: diff.rows[0] as (typeof diff.rows)[number] };
}

describe('a row measured in both reports', () => {
  it('is faster, with the ratio of the means and its propagated σ, and significant by Welch', () => {
    // before: mean 1000, σ 20; after: mean 800, σ 20.
    const { diff, row } = onlyRow([1000, 1020, 980], [800, 820, 780]);
    expect(row.before).toMatchObject({ median: 1000, mean: 1000, sd: 20, min: 980, max: 1020, n: 3 });
    expect(row.after).toMatchObject({ median: 800, mean: 800, sd: 20, n: 3 });
    // 1000 / 800 = 1.25; σ = 1.25 · √((20/1000)² + (20/800)²) = 1.25 · √0.001025 = 0.040020
    expect(row.speedup.value).toBeCloseTo(1.25, 10);
    expect(row.speedup.uncertainty).toBeCloseTo(0.04002, 5);
    expect(row.ratio.value).toBeCloseTo(1.25, 10);
    // t = 200 / √(400/3 + 400/3) = 12.25 on 4 degrees of freedom, past 2.776.
    expect(row).toMatchObject({ change: 'faster', significant: true, method: 'welch' });
    expect(row.text).toBe('thread ×2: 1.00 s → 800 ms, 1.25 ± 0.04 times faster (significant)');
    expect(diff.summary).toBe('1 row faster');
  });

  it('is slower the other way round: the ratio states how much, the speedup falls below 1', () => {
    const { diff, row } = onlyRow([800, 820, 780], [1000, 1020, 980]);
    // 800 / 1000 = 0.8; σ = 0.8 · √0.001025 = 0.025612
    expect(row.speedup.value).toBeCloseTo(0.8, 10);
    expect(row.speedup.uncertainty).toBeCloseTo(0.025612, 5);
    expect(row.ratio.value).toBeCloseTo(1.25, 10);
    expect(row).toMatchObject({ change: 'slower', significant: true });
    expect(row.text).toBe('thread ×2: 800 ms → 1.00 s, 1.25 ± 0.04 times slower (significant)');
    expect(diff.summary).toBe('1 row slower');
  });

  it('is within the noise when the means differ by less than the spread', () => {
    // means 1000 and 1010, σ 100 each: t = 10 / √(2 · 10000/3) = 0.12.
    const { diff, row } = onlyRow([1000, 1100, 900], [1010, 910, 1110]);
    // 1000 / 1010 = 0.990099; σ = 0.990099 · √(0.1² + (100/1010)²) = 0.139329
    expect(row.speedup.value).toBeCloseTo(0.990099, 5);
    expect(row.speedup.uncertainty).toBeCloseTo(0.139329, 5);
    expect(row).toMatchObject({ change: 'same', significant: false, method: 'welch' });
    expect(row.text).toBe('thread ×2: 1.00 s → 1.01 s, within the noise (0.99 ± 0.14 times as fast)');
    expect(diff.summary).toBe('the row is within the noise');
  });

  it('is significant when two runs a side cannot pass the t-test but their ranges are apart by 1.10', () => {
    // means 1150 and 850, σ 212.1 and 70.7: t = 1.90 on 1.2 degrees of freedom, short of 12.706;
    // but 900 < 1000 and 1150 / 850 = 1.353 ≥ 1.10.
    const { row } = onlyRow([1000, 1300], [800, 900]);
    expect(row.ratio.value).toBeCloseTo(1150 / 850, 10);
    expect(row).toMatchObject({ change: 'faster', significant: true, method: 'separated' });
  });

  it('is not significant with overlapping ranges and too few runs for the t-test', () => {
    // Same means as above; the ranges overlap (900 ≥ 850).
    const { row } = onlyRow([850, 1450], [800, 900]);
    expect(row).toMatchObject({ change: 'same', significant: false, method: 'welch' });
  });

  it('with a single run a side has no σ, and only a ratio of 1.10 or more counts', () => {
    const small = onlyRow([1000], [950]).row;
    // 1000 / 950 = 1.0526 < 1.10
    expect(small).toMatchObject({ change: 'same', significant: false, method: 'threshold' });
    expect(small.speedup.uncertainty).toBeNull();
    expect(small.text).toBe(
      'thread ×2: 1.00 s → 950 ms, within the noise (1.05 times as fast; 1 run each: noise unknown, 1.10 needed)',
    );
    const large = onlyRow([1000], [800, 810]).row;
    // 1000 / 805 = 1.242 ≥ 1.10
    expect(large).toMatchObject({ change: 'faster', significant: true, method: 'threshold' });
    expect(large.ratio.uncertainty).toBeNull();
    expect(large.text).toBe('thread ×2: 1.00 s → 805 ms, 1.24 times faster (1 run in a.json: noise unknown)');
  });

  it('uses finished measured runs only, as the summary does', () => {
    const before = reportOf([
      makeRun('thread', 1, 5000, { warmup: true }),
      ...thread([1000, 1020, 980]),
      makeRun('thread', 4, 300, { cancelled: true }),
    ]);
    const after = reportOf(thread([800, 820, 780]), {}, 5);
    const row = diffReports(before, after).rows[0];
    expect(row?.before).toMatchObject({ mean: 1000, n: 3 });
    expect(row?.speedup.value).toBeCloseTo(1.25, 10);
  });

  it('cannot tell drift of the machine from a change: 5 % slower throughout reads as significant', () => {
    // The same code on a machine 5 % slower in the second session: every after run is 1.05 × its twin.
    // Nothing inside either report shows it, so the test calls it real; the note says why it may not be.
    const walls = [1000, 1010, 990];
    const { diff, row } = onlyRow(
      walls,
      walls.map((wall) => wall * 1.05),
    );
    expect(row.speedup.value).toBeCloseTo(1 / 1.05, 10);
    expect(row).toMatchObject({ change: 'slower', significant: true });
    expect(diff.note).toBe(DRIFT_NOTE);
    expect(diff.note).toMatch(/not interleaved/);
    expect(diff.note).toMatch(/may be the machine rather than the code/);
  });
});

describe('a report against itself', () => {
  it('finds every row within the noise and says the two are one measurement', () => {
    const report = buildReport(sampleInput());
    const diff = diffReports(report, report, { before: 'a.json', after: 'a.json' });
    expect(diff.rows.map((row) => `${row.strategy} ×${row.concurrency}`)).toEqual([
      'baseline ×1',
      'thread ×2',
      'async ×2',
    ]);
    for (const row of diff.rows) {
      expect(row).toMatchObject({ change: 'same', significant: false });
      expect(row.speedup.value).toBe(1);
      expect(row.text).toMatch(/within the noise \(1\.00 ± 0\.\d\d times as fast\)$/);
    }
    expect(diff.summary).toBe('every row is within the noise');
    expect(diff.unmatched).toEqual([]);
    expect(diff.warnings.map((w) => w.kind)).toEqual(['same-report', 'failures']);
    expect(diff.warnings[0]?.text).toBe(
      'a.json and a.json hold the same measurement (made 2024-05-01T12:00:00.000Z): every row is within the noise by construction',
    );
    // The sample's second thread run lost an item.
    expect(diff.warnings[1]?.text).toBe(
      'thread ×2: 1 item failed in a.json, 1 item failed in a.json; its wall time covers less work',
    );
  });
});

describe('rows that cannot be compared are named, with the reason', () => {
  it('a strategy in one report only, at another concurrency, or cut short', () => {
    const before = reportOf([
      makeRun('baseline', 1, 1000),
      makeRun('baseline', 2, 1010),
      ...thread([500, 510]),
      makeRun('process', 1, 600, { concurrency: 4 }),
      makeRun('async', 1, 900),
    ]);
    const after = reportOf(
      [
        makeRun('baseline', 1, 1000),
        makeRun('baseline', 2, 1010),
        makeRun('thread', 1, 400, { concurrency: 4 }),
        makeRun('async', 1, 300, { cancelled: true }),
        makeRun('piscina', 1, 450),
      ],
      {},
      5,
    );
    const diff = diffReports(before, after, LABELS);
    expect(diff.rows.map((row) => row.strategy)).toEqual(['baseline']);
    expect(diff.unmatched).toEqual([
      {
        strategy: 'thread',
        concurrency: 4,
        in: 'after',
        reason: 'other-concurrency',
        text: 'thread ×4: only in b.json (a.json ran thread at ×2)',
      },
      {
        strategy: 'async',
        concurrency: 2,
        in: 'after',
        reason: 'cut-short',
        text: 'async ×2: not compared: every run in b.json was cut short',
      },
      {
        strategy: 'piscina',
        concurrency: 2,
        in: 'after',
        reason: 'only-after',
        text: 'piscina ×2: only in b.json',
      },
      {
        strategy: 'thread',
        concurrency: 2,
        in: 'before',
        reason: 'other-concurrency',
        text: 'thread ×2: only in a.json (b.json ran thread at ×4)',
      },
      {
        strategy: 'process',
        concurrency: 4,
        in: 'before',
        reason: 'only-before',
        text: 'process ×4: only in a.json',
      },
    ]);
    expect(diff.summary).toBe('the row is within the noise; 5 rows not compared');
  });

  it('another workload: no row is compared, each is named', () => {
    const before = reportOf(thread([1000, 1010]));
    const input = sampleInput();
    const after = reportOf(thread([500, 510]), { workload: { ...input.workload, name: 'sleep' } }, 5);
    const diff = diffReports(before, after, LABELS);
    expect(diff.rows).toEqual([]);
    expect(diff.unmatched).toEqual([
      {
        strategy: 'thread',
        concurrency: 2,
        in: 'both',
        reason: 'other-workload',
        text: 'thread ×2: not compared: cpu-sum and sleep are other work',
      },
    ]);
    expect(diff.warnings).toContainEqual({
      kind: 'workload',
      text: 'a.json measured the workload cpu-sum and b.json sleep: other work, so no row is compared',
    });
    expect(diff.summary).toBe('no row could be compared');
  });
});

describe('warnings at the top', () => {
  it('name another machine, Node version, params, item count and strategy options', () => {
    const input = sampleInput();
    const before = reportOf(thread([1000, 1010]));
    const after = reportOf(
      thread([500, 510]),
      {
        machine: { ...(input.machine ?? before.machine), cpus: 8, node: 'v22.1.0' },
        workload: { ...input.workload, params: { ...input.workload.params, size: 200_000 }, items: 20 },
        settings: { ...input.settings, strategyOptions: { thread: { heapMb: 128 }, async: {} } },
      },
      5,
    );
    const diff = diffReports(before, after, LABELS);
    expect(diff.warnings).toEqual([
      {
        kind: 'machine',
        text: 'b.json was measured on 8 CPUs, Node v22.1.0; a.json on 2 CPUs, Node v20.11.1',
      },
      { kind: 'params', text: 'params differ (a.json → b.json): size 100000 → 200000' },
      {
        kind: 'items',
        text: 'a.json ran 10 items per run and b.json 20: the wall times cover other amounts of work',
      },
      { kind: 'options', text: `thread's options differ: {"heapMb":64} in a.json, {"heapMb":128} in b.json` },
    ]);
    // Still compared: the question is exactly whether such a change made a difference.
    expect(diff.rows).toHaveLength(1);
  });

  it('say nothing when only the measurement differs', () => {
    const diff = diffReports(reportOf(thread([1000, 1010])), reportOf(thread([990, 1000]), {}, 5), LABELS);
    expect(diff.warnings).toEqual([]);
  });
});

describe('the diff as JSON', () => {
  const before = buildReport(sampleInput());
  const after = reportOf([makeRun('baseline', 1, 1000), ...thread([400]), makeRun('process', 1, 700)], {}, 5);
  const diff = diffReports(before, after, { before: 'a.json', after: 'this run' });

  it('survives JSON unchanged (no NaN, nothing undefined) and reads back through its validator', () => {
    const json = JSON.parse(JSON.stringify(diff));
    expect(json).toEqual(diff);
    expect(validateReportDiff(json)).toEqual(diff);
    expect(diff.schema).toBe(DIFF_SCHEMA);
  });

  it('is kept by the report reader as the report’s `against`', () => {
    const report = { ...after, against: diff };
    const read = validateReport(JSON.parse(renderReport(report, 'json')));
    expect(read.against).toEqual(diff);
    expect(validateReport(JSON.parse(renderReport(after, 'json')))).not.toHaveProperty('against');
  });

  it('a broken diff is refused naming the field', () => {
    const json = JSON.parse(JSON.stringify(diff));
    json.rows[0].change = 'better';
    expect(() => validateReportDiff(json)).toThrow(/^diff\.rows\[0\]\.change must be one of "faster"/);
    const nested = JSON.parse(renderReport({ ...after, against: diff }, 'json'));
    nested.against.schema = 'concur.report';
    expect(() => validateReport(nested)).toThrow(/^report\.against\.schema must be "concur\.diff"/);
  });
});
