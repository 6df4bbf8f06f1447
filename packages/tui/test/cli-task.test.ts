// `concur run --task FILE`: a user's own task raced like a workload, with inputs from a JSON file or
// --items N; a run whose items fail finishes with exit status 1.
import { join } from 'node:path';
import { validateReport } from '@concur/core/orchestrate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, runConcur, tempCwd } from './fixtures/cli/run-concur.js';

let cwd: Awaited<ReturnType<typeof tempCwd>>;
beforeAll(async () => {
  cwd = await tempCwd();
});
afterAll(() => cwd.remove());

describe('concur run --task', () => {
  it('races the task over the inputs of a JSON file, named after the task file', async () => {
    const result = await runConcur(
      [
        'run',
        '--task',
        join(FIXTURES, 'echo.mjs'),
        '--inputs',
        join(FIXTURES, 'inputs.json'),
        '-s',
        'async',
        '--runs',
        '1',
        '--json',
        '-',
      ],
      { cwd: cwd.path },
    );
    expect(result.code, result.stderr).toBe(0);
    const report = validateReport(JSON.parse(result.stdout));
    expect(report.workload).toMatchObject({ name: 'echo', items: 4 });
    expect(report.runs.map((r) => [r.strategy, r.items.done])).toEqual([
      ['baseline', 4],
      ['async', 4],
    ]);
  });

  it('exits 1 when items failed, and the table counts the failures', async () => {
    const result = await runConcur(
      [
        'run',
        '--task',
        join(FIXTURES, 'throws-on-odd.mjs'),
        '--items',
        '4',
        '-s',
        'async',
        '--runs',
        '1',
        '--no-baseline',
      ],
      { cwd: cwd.path },
    );
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).toMatch(/async ×\d run 1: .*2\/4 done, 2 failed/);
    expect(result.stdout).toMatch(/^async\s+\d+\s+.*\s2$/m);
  });
});
