import { describe, expect, it } from 'vitest';
import { ITEM_OUTCOMES, NOT_SETTLED } from '../src/engine/run-timeline.js';
import { runStrategy } from '../src/orchestrate/index.js';
import { buildReport } from '../src/report/build.js';
import { validateReport } from '../src/report/read-report.js';
import { fixtureTasks, inline, maxOverlap } from './fixtures/engine.js';
import { sampleInput } from './report-fixture-runs.js';

describe('the run record keeps a timeline', () => {
  it('places every item on the unit that ran it, inside that unit’s life, and marks the failure', async () => {
    const inputs = [{ ms: 40 }, 'die', { ms: 40 }, { ms: 40 }, { ms: 40 }, { ms: 40 }];
    const result = await runStrategy({
      strategy: inline,
      task: fixtureTasks.interval,
      inputs,
      concurrency: 2,
      options: { dieOn: 'die' },
      sampleEveryMs: 20,
    });
    const t = result.timeline;
    if (!t) throw new Error('no timeline');
    expect(t.itemUnit).toHaveLength(6);
    expect(t.unitSpawnMs).toHaveLength(result.units.length);
    // The item that killed its unit is marked as such; the others are ok.
    expect(t.itemOutcome).toEqual([0, 3, 0, 0, 0, 0]);
    expect(ITEM_OUTCOMES[t.itemOutcome[1] ?? NOT_SETTLED]).toBe('unit-exited');
    for (let i = 0; i < inputs.length; i += 1) {
      const unit = t.itemUnit[i] ?? -1;
      const start = t.itemStartMs[i] ?? Number.NaN;
      const end = t.itemEndMs[i] ?? Number.NaN;
      expect(unit).toBeGreaterThanOrEqual(0);
      expect(start).toBeLessThanOrEqual(end);
      expect(start).toBeGreaterThanOrEqual(t.unitReadyMs[unit] ?? Number.NaN);
      expect(end).toBeLessThanOrEqual(t.unitEndMs[unit] ?? Number.NaN);
      // The item's end is the moment its latency was measured, both to the microsecond.
      expect(end).toBe(result.latencyMs[i]);
    }
    // Each unit's spawn precedes its readiness precedes its end; the dead one ended when it died.
    for (let u = 0; u < result.units.length; u += 1) {
      expect(t.unitSpawnMs[u]).toBeLessThanOrEqual(t.unitReadyMs[u] ?? Number.NaN);
      expect(t.unitReadyMs[u]).toBeLessThanOrEqual(t.unitEndMs[u] ?? Number.NaN);
    }
    const dead = result.units.findIndex((u) => u.end === 'unit exited with code 7');
    expect(t.itemUnit[1]).toBe(dead);
    // A unit never runs two items at once here (one in flight each).
    for (let u = 0; u < result.units.length; u += 1) {
      const spans = t.itemUnit.flatMap((unit, i) =>
        unit === u ? [{ start: t.itemStartMs[i] ?? 0, end: t.itemEndMs[i] ?? 0 }] : [],
      );
      expect(maxOverlap(spans)).toBeLessThanOrEqual(1);
    }
    // The sampler's ticks and answers are in it, a column each of equal length.
    expect(t.loop.atMs.length).toBeGreaterThan(0);
    expect(t.loop.delayMs).toHaveLength(t.loop.atMs.length);
    expect(t.samples.unit).toHaveLength(t.samples.atMs.length);
    expect(t.samples.atMs.length).toBeGreaterThanOrEqual(result.units.length - 1);
  });

  it('shows the engine loop blocked by tasks that run on it, even when no timer could run in between', async () => {
    const spin = new URL('./fixtures/tasks/spin.mjs', import.meta.url).href;
    const result = await runStrategy({
      strategy: inline,
      task: spin,
      inputs: [300, 300, 300],
      concurrency: 1,
    });
    const t = result.timeline;
    if (!t) throw new Error('no timeline');
    // Each item spun 300 ms on this loop: the loop's column holds stretches that cover most of the run.
    const blocked = t.loop.delayMs.filter((ms) => ms >= 200);
    expect(blocked.length).toBeGreaterThanOrEqual(1);
    expect(blocked.reduce((sum, ms) => sum + ms, 0)).toBeGreaterThanOrEqual(600);
    for (const at of t.loop.atMs) expect(at).toBeLessThanOrEqual(result.wallMs + 1);
  });

  it('survives the report’s JSON round trip, and a report of version 1 without timelines still reads', async () => {
    const result = await runStrategy({
      strategy: inline,
      task: fixtureTasks.interval,
      inputs: [{ ms: 10 }, { ms: 10 }, { ms: 10 }],
      concurrency: 2,
    });
    const input = sampleInput();
    const report = buildReport({
      ...input,
      runs: [...input.runs, { ...result, strategy: 'thread', run: 3 }],
    });
    const back = validateReport(JSON.parse(JSON.stringify(report)));
    expect(back.runs.at(-1)?.timeline).toStrictEqual(result.timeline);

    const old = JSON.parse(JSON.stringify(buildReport(input)));
    old.version = 1;
    expect(validateReport(old).runs[0]).not.toHaveProperty('timeline');
    old.version = 3;
    expect(() => validateReport(old)).toThrow(
      'report.version must be 1 or 2 (the report versions this concur reads), got 3',
    );
  });

  it('names a timeline column that does not fit its run', async () => {
    const result = await runStrategy({
      strategy: inline,
      task: fixtureTasks.echo,
      inputs: [1, 2, 3],
      concurrency: 1,
    });
    const input = sampleInput();
    const json = JSON.parse(
      JSON.stringify(buildReport({ ...input, runs: [{ ...result, strategy: 'thread' }] })),
    );
    json.runs[0].timeline.itemStartMs.pop();
    expect(() => validateReport(json)).toThrow(
      'report.runs[0].timeline.itemStartMs must be an array of 3 (as the run has items), got an array of 2',
    );
    json.runs[0].timeline.itemStartMs.push(1);
    json.runs[0].timeline.itemUnit[0] = 5;
    expect(() => validateReport(json)).toThrow(
      'report.runs[0].timeline.itemUnit[0] must be an integer from -1 to 0',
    );
  });
});
