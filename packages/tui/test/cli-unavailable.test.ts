// A strategy that says it cannot run here and now (`Strategy.unavailable`): `concur list` shows its line, a
// run that names it stops with the line (exit status 2) before anything starts, a run that names no
// strategy leaves it out saying so, and the other strategies are untouched.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runConcur, tempCwd } from './fixtures/cli/run-concur.js';

const LINE = 'no frobnicator answers here: start one or pass --option frob.url=URL';

// A plugin that runs nothing and is never available: only the plumbing around `unavailable` is under test.
const PLUGIN = `export default {
  meta: { name: 'frob', version: '1.0.0', apiVersion: 1 },
  model: 'fixture',
  summary: 'Fixture strategy that needs a frobnicator.',
  traits: { unit: 'None', memory: 'None', parallel: false, execution: 'None', bestFor: 'tests', pros: [], cons: [] },
  defaultConcurrency: () => 1,
  unavailable: async () => ${JSON.stringify(LINE)},
  spawn: () => Promise.reject(new Error('never started: it is unavailable')),
};
`;

let cwd: Awaited<ReturnType<typeof tempCwd>>;
beforeAll(async () => {
  cwd = await tempCwd();
  await writeFile(join(cwd.path, 'frob.mjs'), PLUGIN);
  await writeFile(join(cwd.path, 'concur.config.json'), JSON.stringify({ strategies: ['./frob.mjs'] }));
});
afterAll(() => cwd.remove());

describe('a strategy that cannot run here', () => {
  it('is listed with its line, in text and as JSON', async () => {
    const text = await runConcur(['list'], { cwd: cwd.path });
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(
      new RegExp(`^  frob  Fixture .*\\n {4}unit: .*\\n {4}unavailable here: ${escapeRegExp(LINE)}$`, 'm'),
    );
    const json = JSON.parse((await runConcur(['list', '--json'], { cwd: cwd.path })).stdout);
    expect(json.strategies.find((s: { name: string }) => s.name === 'frob')).toMatchObject({
      unavailable: LINE,
    });
    expect(json.strategies.find((s: { name: string }) => s.name === 'thread').unavailable).toBeUndefined();
  });

  it('stops a run that names it with the line and exit status 2, before anything starts', async () => {
    const result = await runConcur(['run', 'sleep', '--strategies', 'thread,frob'], { cwd: cwd.path });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`concur: strategy "frob" cannot run here: ${LINE}\n`);
    expect(result.stdout).toBe('');
  });

  it('is left out, with the line, of a run that names no strategy; the others run', async () => {
    const result = await runConcur(
      ['run', 'sleep', '--param', 'items=2', '--param', 'ms=1', '--runs', '1', '--no-baseline'],
      { cwd: cwd.path },
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain(`concur: left out strategy "frob": ${LINE}\n`);
    expect(result.stderr).toMatch(/^sleep: plan: \d+ runs of 2 items each \(process, thread, async[^)]*\)$/m);
    expect(result.stderr).not.toMatch(/plan: .*frob/);
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
