// A comparison across runtimes: each strategy runs its runtime's task, a strategy whose runtime has no task
// is left out with one line, and the baseline runs in Node unless no Node strategy races.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defineWorkload, InputError, type Strategy, taskFor } from '../src/index.js';
import type { StrategyChoice } from '../src/orchestrate/compare.js';
import { compare } from '../src/orchestrate/index.js';

const load = async (file: string): Promise<StrategyChoice> => {
  const moduleUrl = new URL(`./fixtures/strategies/${file}`, import.meta.url).href;
  const strategy = ((await import(moduleUrl)) as { default: Strategy }).default;
  return { name: strategy.meta.name, moduleUrl, strategy };
};
const node = await load('in-process.mjs');
const other = await load('other-runtime.mjs');
const task = new URL('./fixtures/tasks/says-runtime.mjs', import.meta.url).href;

function workload(tasks?: Record<string, string>) {
  const log = join(mkdtempSync(join(tmpdir(), 'concur-runtimes-')), 'calls.log');
  const w = defineWorkload({
    name: 'says',
    description: 'which runtime ran',
    kind: 'cpu',
    task,
    ...(tasks ? { tasks } : {}),
    params: {},
    inputs: () => [{ log }, { log }],
  });
  return { w, calls: () => readFileSync(log, 'utf8').trim().split('\n') };
}

const options = { other: { flavour: 'sweet' } };

describe('a comparison across runtimes', () => {
  it("hands each strategy its runtime's task, and the baseline Node's while a Node strategy races", async () => {
    const { w, calls } = workload({ other: `${task}?runtime=other` });
    const result = await compare({
      workload: w,
      params: {},
      strategies: [node, other],
      runs: 1,
      strategyOptions: options,
    });
    expect(result.runs.map((r) => r.strategy)).toEqual(['baseline', 'in-process', 'other-runtime']);
    expect(result.runs.every((r) => r.items.done === 2)).toBe(true);
    // baseline and in-process ran Node's task; other-runtime its own, with the options of its runtime.
    expect(calls()).toEqual(['node', 'node', 'node', 'node', 'other', 'other']);
    expect(result.baseline).toEqual({ runtime: 'node' });
    expect(result.leftOut).toEqual([]);
  });

  it('leaves out, with one line, a strategy whose runtime has no task', async () => {
    const { w, calls } = workload();
    const notices: string[] = [];
    const result = await compare({
      workload: w,
      params: {},
      strategies: [node, other],
      runs: 1,
      strategyOptions: options,
      onNotice: (line) => notices.push(line),
    });
    expect(notices).toEqual(['other-runtime: says has no Other task; left out of this comparison']);
    expect(result.leftOut).toEqual(notices);
    expect(result.runs.map((r) => r.strategy)).toEqual(['baseline', 'in-process']);
    expect(calls()).toEqual(['node', 'node', 'node', 'node']);
  });

  it('runs the baseline in the strategies’ own runtime when no Node strategy races', async () => {
    const { w, calls } = workload({ other: `${task}?runtime=other` });
    const shown = new Set<string>();
    const result = await compare({
      workload: w,
      params: {},
      strategies: [other],
      runs: 1,
      strategyOptions: options,
      snapshotEveryMs: 10,
      onEvent: (event) => {
        if (event.type === 'snapshot') shown.add(event.snapshot.strategy);
      },
    });
    // Live, too, the baseline is shown under its own name, not that of the strategy that ran it.
    expect([...shown].sort()).toEqual(['baseline', 'other-runtime']);
    expect(result.runs.map((r) => [r.strategy, r.concurrency])).toEqual([
      ['baseline', 1],
      ['other-runtime', 2],
    ]);
    expect(calls()).toEqual(['other', 'other', 'other', 'other']);
    expect(result.baseline).toEqual({ runtime: 'other', by: 'other-runtime' });
  });

  it('stops with one line when every strategy named is left out', async () => {
    const { w } = workload();
    const run = compare({ workload: w, params: {}, strategies: [other], runs: 1, strategyOptions: options });
    await expect(run).rejects.toBeInstanceOf(InputError);
    await expect(run).rejects.toThrow(/^nothing to run: other-runtime: says has no Other task/);
  });

  it('finds a runtime’s task in `tasks`, and Node’s in `task` unless `tasks.node` names another', () => {
    const { w } = workload({ other: 'other.task', node: 'node.task' });
    expect(taskFor(w, 'other')).toBe('other.task');
    expect(taskFor(w)).toBe('node.task');
    expect(taskFor(workload().w, 'python')).toBeUndefined();
  });
});
