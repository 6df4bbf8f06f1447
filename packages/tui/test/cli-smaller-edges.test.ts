// Small mistakes that used to pass in silence: a word after a command's arguments, --inputs naming a
// folder, and a new strategy named like one concur already loads. Each gets one line and exit 2.
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, runConcur, tempCwd } from './fixtures/cli/run-concur.js';

let cwd: Awaited<ReturnType<typeof tempCwd>>;
beforeAll(async () => {
  cwd = await tempCwd();
  await mkdir(join(cwd.path, 'data'));
});
afterAll(() => cwd.remove());

function expectOneLine(
  finished: { code: number | null; stderr: string; stdout: string },
  line: RegExp,
): void {
  expect(finished.code, finished.stderr).toBe(2);
  expect(finished.stderr.trim().split('\n'), finished.stderr).toHaveLength(1);
  expect(finished.stderr.trim()).toMatch(line);
  expect(finished.stderr).not.toMatch(/plan:/);
}

describe('refused with one line, exit 2', () => {
  it.each([
    [
      ['run', 'cpu-sum', 'extra-arg'],
      /^concur: too many arguments for 'run'\. Expected 1 argument but got 2; see `concur run --help`$/,
    ],
    [
      ['list', 'extra'],
      /^concur: too many arguments for 'list'\. Expected 0 arguments but got 1; see `concur list --help`$/,
    ],
    [
      ['diff', 'a.json', 'b.json', 'c.json'],
      /^concur: too many arguments for 'diff'\. Expected 2 arguments but got 3; see `concur diff --help`$/,
    ],
  ])('extra positional arguments: concur %j', async (args, line) => {
    expectOneLine(await runConcur(args, { cwd: cwd.path }), line);
  });

  it('--inputs naming a folder says it is a folder', async () => {
    const args = ['run', '--task', join(FIXTURES, 'echo.mjs'), '--inputs', 'data'];
    expectOneLine(
      await runConcur(args, { cwd: cwd.path }),
      /^concur: --inputs data: is a folder \(.+data\); give a JSON file holding an array, e\.g\. --inputs data\/inputs\.json$/,
    );
  });

  it('new-strategy with the name of a built-in strategy writes nothing', async () => {
    expectOneLine(
      await runConcur(['new-strategy', 'process'], { cwd: cwd.path }),
      /^concur: new-strategy process: a strategy named "process" is already built into concur, and two of one name both stop working; choose another name, e\.g\. process-pool$/,
    );
    expect(existsSync(join(cwd.path, 'concur-strategy-process'))).toBe(false);
  });
});
