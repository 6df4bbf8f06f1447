// Every kind of bad input ends the same way: exactly one line on stderr, "concur: …" naming the input,
// nothing on stdout, no stack trace, exit status 2 — and nothing runs.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, runConcur, tempCwd } from './fixtures/cli/run-concur.js';

let cwd: Awaited<ReturnType<typeof tempCwd>>;
beforeAll(async () => {
  cwd = await tempCwd();
  // Made here, not kept as a fixture: the linter rightly refuses to check in broken JSON.
  await writeFile(join(cwd.path, 'malformed-inputs.json'), '[1, 2, 3\n');
});
afterAll(() => cwd.remove());

const task = join(FIXTURES, 'echo.mjs');

// [what is wrong, argv, what the line must name]
const cases: [string, string[], RegExp][] = [
  ['unknown workload', ['run', 'no-such-workload'], /unknown workload "no-such-workload"; known: .*sleep/],
  [
    'unknown strategy',
    ['run', 'sleep', '--strategies', 'thread,fibre'],
    /unknown strategy "fibre"; known: .*thread/,
  ],
  ['unknown option', ['run', 'sleep', '--rusn', '2'], /unknown option '--rusn'.*concur run --help/],
  ['unknown command', ['bench'], /unknown command "bench"/],
  ['option without its value', ['run', 'sleep', '--runs'], /--runs <n>' argument missing/],
  [
    'concurrency 0',
    ['run', 'sleep', '--concurrency', '0'],
    /--concurrency must be a positive integer.*got "0"/,
  ],
  ['concurrency abc', ['run', 'sleep', '--concurrency', 'abc'], /--concurrency .*got "abc"/],
  ['concurrency list with a hole', ['run', 'sleep', '-c', '1,,4'], /--concurrency .*got "1,,4"/],
  ['runs below 1', ['run', 'sleep', '--runs', '0'], /--runs must be an integer ≥ 1, got "0"/],
  ['negative warmup', ['run', 'sleep', '--warmup', '-1'], /--warmup must be an integer ≥ 0, got "-1"/],
  [
    'timeout in words',
    ['run', 'sleep', '--timeout', 'soon'],
    /--timeout must be a positive duration such as 30s.*got "soon"/,
  ],
  ['timeout without unit', ['run', 'sleep', '--timeout', '30'], /--timeout .*got "30"/],
  ['param without =', ['run', 'sleep', '--param', 'items'], /--param must look like name=value, got "items"/],
  [
    'param unknown to the workload',
    ['run', 'sleep', '--param', 'bogus=1'],
    /unknown --param bogus for workload "sleep"; it takes items, ms/,
  ],
  [
    'param of the wrong type',
    ['run', 'sleep', '--param', 'items=many'],
    /--param items must be an integer ≥ 1, got "many"/,
  ],
  [
    'option without strategy',
    ['run', 'sleep', '--option', 'workers=2'],
    /--option must look like strategy.key=value/,
  ],
  [
    'option for a strategy not run',
    ['run', 'sleep', '-s', 'async', '--option', 'thread.x=1'],
    /--option thread.*no strategy "thread" in this comparison/,
  ],
  [
    'option the strategy rejects',
    ['run', 'sleep', '-s', 'thread', '--option', 'thread.bogus=1'],
    /--option thread: unknown thread option `bogus`/,
  ],
  ['no workload and no task', ['run'], /name a workload/],
  [
    'workload and task together',
    ['run', 'sleep', '--task', task, '--items', '2'],
    /both a workload \("sleep"\) and --task/,
  ],
  [
    'missing task file',
    ['run', '--task', 'nowhere.mjs', '--items', '2'],
    /--task nowhere\.mjs: no such file/,
  ],
  ['task without inputs', ['run', '--task', task], /--task needs its inputs/],
  [
    'malformed inputs',
    ['run', '--task', task, '--inputs', 'malformed-inputs.json'],
    /--inputs .*malformed-inputs\.json is not valid JSON/,
  ],
  [
    'inputs not an array',
    ['run', '--task', task, '--inputs', join(FIXTURES, 'object-inputs.json')],
    /--inputs .* must hold a JSON array/,
  ],
  [
    'missing inputs file',
    ['run', '--task', task, '--inputs', 'gone.json'],
    /--inputs gone\.json: no such readable file/,
  ],
  ['items without task', ['run', 'sleep', '--items', '3'], /--items goes with --task/],
  [
    'report into a missing folder',
    ['run', 'sleep', '--json', 'no/such/dir/r.json'],
    /--json no\/such\/dir\/r\.json: the folder .* does not exist/,
  ],
  [
    'an unknown baseline mode',
    ['run', 'sleep', '--baseline', 'some'],
    /^concur: --baseline must be full, sample or none, got "some"$/,
  ],
  [
    'two views to stdout',
    ['run', 'sleep', '--json', '-', '--csv', '-'],
    /--json and --csv both write to standard output/,
  ],
];

describe('bad input gives one line and exit status 2', () => {
  it.each(cases)('%s', async (_what, args, message) => {
    const result = await runConcur(args, { cwd: cwd.path });
    expect(result.stdout).toBe('');
    const lines = result.stderr.split('\n').filter(Boolean);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^concur: /);
    expect(lines[0]).toMatch(message);
    expect(result.code).toBe(2);
  });

  it('a malformed concur.config.json names the file', async () => {
    const project = await tempCwd();
    try {
      await writeFile(join(project.path, 'concur.config.json'), '{ "strategies": [ }');
      const result = await runConcur(['run', 'sleep'], { cwd: project.path });
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(/^concur: .*concur\.config\.json.*\n$/);
      expect(result.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    } finally {
      await project.remove();
    }
  });

  it('prints the stack too under --debug', async () => {
    const result = await runConcur(['run', 'sleep', '--runs', '0', '--debug'], { cwd: cwd.path });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^concur: --runs must be/);
    expect(result.stderr).toMatch(/\n\s+at .*parse-flags/);
  });
});
