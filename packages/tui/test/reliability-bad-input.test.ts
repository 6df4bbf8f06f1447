// Bad input of every kind — flags, params, strategy options, config files, plugin manifests, task modules,
// inputs files — is answered by one line that names the input and the fix, exit status 2, no stack trace.
// (cli-bad-input.test.ts holds the first table; these are the ones it does not.) Then a fuzz: random flag
// strings never crash concur with an unhandled error.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runConcur, tempCwd } from './fixtures/cli/run-concur.js';

/** Files of a throwaway project, made per case (broken JS and JSON cannot be checked in: the linter refuses them). */
type Files = Readonly<Record<string, string>>;

const ECHO = 'export default { name: "echo", kind: "cpu", run: (input) => input };\n';
const manifest = (concur: unknown) =>
  JSON.stringify({ name: 'plug', version: '1.0.0', type: 'module', concur });
const withPlugin = (concur: unknown, extra: Files = {}): Files => ({
  'concur.config.json': '{ "strategies": ["./plug"] }',
  'plug/package.json': manifest(concur),
  ...extra,
});

// [what is wrong, files, argv, what the line must say: the input and the fix]
const cases: [string, Files, string[], RegExp][] = [
  // flags
  [
    '--items 0',
    { 'echo.mjs': ECHO },
    ['run', '--task', 'echo.mjs', '--items', '0'],
    /--items must be an integer ≥ 1, got "0"/,
  ],
  [
    '--items in words',
    { 'echo.mjs': ECHO },
    ['run', '--task', 'echo.mjs', '--items', 'abc'],
    /--items must be an integer ≥ 1, got "abc"/,
  ],
  [
    'negative timeout',
    {},
    ['run', 'sleep', '--timeout', '-5s'],
    /--timeout must be a positive duration such as 30s.*got "-5s"/,
  ],
  [
    'zero timeout',
    {},
    ['run', 'sleep', '--timeout', '0ms'],
    /--timeout must be a positive duration.*got "0ms"/,
  ],
  [
    'empty strategy list',
    {},
    ['run', 'sleep', '--strategies', ''],
    /--strategies must be a comma-separated list of names such as thread,async, got ""/,
  ],
  [
    'concurrency list with a zero',
    {},
    ['run', 'sleep', '-c', '1,0'],
    /--concurrency must be a positive integer or a list such as 1,2,4,8, got "1,0"/,
  ],
  ['fractional runs', {}, ['run', 'sleep', '--runs', '1.5'], /--runs must be an integer ≥ 1, got "1\.5"/],
  ['warmup in words', {}, ['run', 'sleep', '--warmup', 'abc'], /--warmup must be an integer ≥ 0, got "abc"/],
  [
    'empty report path',
    {},
    ['run', 'sleep', '--json', ''],
    /--json needs a file path \(or "-" for standard output\)/,
  ],
  [
    'markdown into a missing folder',
    {},
    ['run', 'sleep', '--markdown', 'nope/r.md'],
    /--markdown nope\/r\.md: the folder .* does not exist; create it or choose another path/,
  ],
  [
    'inputs and items together',
    { 'echo.mjs': ECHO, 'in.json': '[1]' },
    ['run', '--task', 'echo.mjs', '--items', '2', '--inputs', 'in.json'],
    /--inputs and --items both given; use one/,
  ],
  ['unknown option of list', {}, ['list', '--bogus'], /unknown option '--bogus'; see `concur list --help`/],
  // params and strategy options
  ['negative param', {}, ['run', 'sleep', '--param', 'ms=-1'], /--param ms must be an integer ≥ 0, got "-1"/],
  [
    'empty param value',
    {},
    ['run', 'sleep', '--param', 'items='],
    /--param items must be an integer ≥ 1, got ""/,
  ],
  [
    'execArgv that is not a flag',
    {},
    ['run', 'sleep', '-s', 'process', '--option', 'process.execArgv=notaflag'],
    /--option process: `execArgv` must be Node\.js flags such as "--max-old-space-size=256", got "notaflag"/,
  ],
  [
    'inFlight 0',
    {},
    ['run', 'sleep', '-s', 'process', '--option', 'process.inFlight=0'],
    /--option process: `inFlight` must be a positive integer, got 0/,
  ],
  [
    'env without =',
    {},
    ['run', 'sleep', '-s', 'process', '--option', 'process.env=NOEQUALS'],
    /--option process: `env` must be variables such as .*got "NOEQUALS"/,
  ],
  [
    'negative heap limit',
    {},
    ['run', 'sleep', '-s', 'thread', '--option', 'thread.maxOldGenerationSizeMb=-1'],
    /--option thread: `maxOldGenerationSizeMb` must be a positive number of megabytes, got -1/,
  ],
  [
    'an option for async',
    {},
    ['run', 'sleep', '-s', 'async', '--option', 'async.x=1'],
    /--option async: strategy async takes no options, got `x`; remove them/,
  ],
  // config files
  [
    'config strategies not a list',
    { 'concur.config.json': '{ "strategies": "x" }' },
    ['run', 'sleep'],
    /concur\.config\.json: `strategies` must be an array of package names or paths, got "x"/,
  ],
  [
    'config that is an array',
    { 'concur.config.json': '[1, 2]' },
    ['run', 'sleep'],
    /concur\.config\.json must hold an object such as \{ "strategies": .*got \[1,2\]/,
  ],
  [
    'config with an unknown key',
    { 'concur.config.json': '{ "strategies": [], "bogus": 1 }' },
    ['run', 'sleep'],
    /concur\.config\.json: unknown key `bogus`; the keys are `strategies` and `workloads`/,
  ],
  [
    'config naming a number',
    { 'concur.config.json': '{ "workloads": [42] }' },
    ['run', 'sleep'],
    /concur\.config\.json: `workloads\[0\]` must be a package name or a path .*got 42/,
  ],
  [
    'config module with a syntax error',
    { 'concur.config.mjs': 'export default { strategies: [\n' },
    ['run', 'sleep'],
    /concur\.config\.mjs threw on import: .*; fix the file/,
  ],
  [
    'config module that throws',
    { 'concur.config.mjs': 'throw new Error("config boom");\n' },
    ['run', 'sleep'],
    /concur\.config\.mjs threw on import: config boom; fix the file/,
  ],
  // plugin manifests
  [
    'manifest entry not a path',
    withPlugin({ strategy: 42 }),
    ['run', 'sleep', '-s', 'plug'],
    /strategy "plug" cannot be used: .*`concur\.strategy` in package\.json must be a path such as "\.\/dist\/index\.js".*, got 42; fix the `concur` field/,
  ],
  [
    'manifest entry missing',
    withPlugin({ strategy: './missing.js' }),
    ['run', 'sleep', '-s', 'plug'],
    /strategy "plug" cannot be used: not found: .*missing\.js.*; build the plugin or fix the path/,
  ],
  [
    'plugin that is not a strategy',
    withPlugin(
      { strategy: './index.js' },
      { 'plug/index.js': 'export default { meta: { name: "plug" } };\n' },
    ),
    ['run', 'sleep', '-s', 'plug'],
    /strategy "plug" cannot be used: .*`meta\.version` must be a string; the default export must be defineStrategy\(/,
  ],
  [
    'plugin manifest not JSON',
    { 'concur.config.json': '{ "strategies": ["./plug"] }', 'plug/package.json': '{ "name": "plug", broken' },
    ['run', 'sleep', '-s', 'plug'],
    /unknown strategy "plug"; known: .*\(1 broken strategy plugin: see `concur list`\)/,
  ],
  // task modules
  [
    'task with a syntax error',
    { 't.mjs': 'export default { name: "x", run( {\n' },
    ['run', '--task', 't.mjs', '--items', '2'],
    /--task t\.mjs: task module .*t\.mjs could not be imported \(.*\); check the path and that it is ES module JavaScript/,
  ],
  [
    'task without a default export',
    { 't.mjs': 'export const task = { run: (i) => i };\n' },
    ['run', '--task', 't.mjs', '--items', '2'],
    /--task t\.mjs: task module .* does not default-export a task .*; export default defineTask\(\{ name, kind, run \}\)/,
  ],
  [
    'task without run',
    { 't.mjs': 'export default { name: "x", kind: "cpu" };\n' },
    ['run', '--task', 't.mjs', '--items', '2'],
    /--task t\.mjs: .*`run` must be a function.*export default defineTask/,
  ],
  [
    'task that throws on import',
    { 't.mjs': 'throw new Error("cannot load me");\n' },
    ['run', '--task', 't.mjs', '--items', '2'],
    /--task t\.mjs: task module .* could not be imported \(cannot load me\)/,
  ],
  [
    'task that exports a number',
    { 't.mjs': 'export default 42;\n' },
    ['run', '--task', 't.mjs', '--items', '2'],
    /--task t\.mjs: .*does not default-export a task/,
  ],
  // inputs files
  [
    'empty inputs file',
    { 'echo.mjs': ECHO, 'in.json': '' },
    ['run', '--task', 'echo.mjs', '--inputs', 'in.json'],
    /--inputs in\.json is not valid JSON .*; it must hold an array such as \[1, 2, 3\]/,
  ],
  [
    'empty inputs array',
    { 'echo.mjs': ECHO, 'in.json': '[]' },
    ['run', '--task', 'echo.mjs', '--inputs', 'in.json'],
    /--inputs in\.json holds an empty array; give at least one item/,
  ],
  [
    'inputs that is a folder',
    { 'echo.mjs': ECHO, 'in/.keep': '' },
    ['run', '--task', 'echo.mjs', '--inputs', 'in'],
    /--inputs in: .*give a JSON file holding an array/,
  ],
];

const projects: { remove(): Promise<void> }[] = [];
afterAll(() => Promise.all(projects.map((p) => p.remove())));

async function project(files: Files): Promise<string> {
  const dir = await tempCwd();
  projects.push(dir);
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir.path, path)), { recursive: true });
    await writeFile(join(dir.path, path), text);
  }
  return dir.path;
}

describe.concurrent('more bad input: one line naming the input and the fix, exit status 2', () => {
  it('covers at least 25 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(25);
  });

  it.each(cases)('%s', async (_what, files, args, message) => {
    const result = await runConcur(args, { cwd: await project(files) });
    const lines = result.stderr.split('\n').filter(Boolean);
    expect(lines, result.stderr).toHaveLength(1);
    expect(lines[0]).toMatch(/^concur: /);
    expect(lines[0]).toMatch(message);
    expect(result.stdout).toBe('');
    expect(result.code).toBe(2);
  });
});

/** A small deterministic generator (mulberry32), so a failing string can be reproduced from its seed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FLAGS = [
  '-s',
  '-c',
  '-r',
  '-w',
  '-t',
  '-p',
  '-o',
  '--strategies',
  '--concurrency',
  '--runs',
  '--warmup',
  '--timeout',
  '--param',
  '--option',
  '--task',
  '--inputs',
  '--items',
  '--json',
  '--markdown',
  '--csv',
  '--no-baseline',
  '--debug',
  '--help',
  '--bogus',
  '-',
  '--',
  '-x',
  '--json=-',
  '--runs=0',
  '---',
  '-sc',
];
const VALUES = [
  '',
  ' ',
  '0',
  '1',
  '2',
  '-1',
  '1e3',
  'NaN',
  '0x10',
  '1,,2',
  'abc',
  'none',
  '5ms',
  '∞',
  'é',
  'a=b',
  'items=1',
  'thread.x=1',
  'process.execArgv=--max-old-space-size=64',
  '.=',
  '=',
  '{',
  '[1,2]',
  '"',
  'echo.mjs',
  'nowhere.mjs',
  'in.json',
  '/',
  '..',
  '-',
  'async',
  'thread,async',
  'fibre',
  '%s%n',
  'tab\there',
];

function fuzzArgs(next: () => number): string[] {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  // Never a lone flag first: that opens the default experiment, a real (and long) comparison.
  const command = pick(['run', 'run', 'run', 'list', 'nope', '']);
  // A tiny comparison if the rest happens to be valid; a flag given again later wins.
  const base = command === 'run' ? ['run', '-s', 'async', '--runs', '1', '--no-baseline'] : [command];
  const rest = Array.from({ length: 1 + Math.floor(next() * 6) }, () =>
    next() < 0.5 ? pick(FLAGS) : pick(VALUES),
  );
  return [...base, ...rest];
}

describe.concurrent('fuzz: random flag strings never crash concur', async () => {
  const cwd = await project({ 'echo.mjs': ECHO, 'in.json': '[1, 2]' });
  const next = random(20_240_611);
  const samples = Array.from({ length: 24 }, () => fuzzArgs(next));
  it.each(samples.map((args) => [JSON.stringify(args), args] as const))('%s', async (_shown, args) => {
    const result = await runConcur(args, { cwd });
    const context = `stderr:\n${result.stderr}`;
    expect(result.signal, context).toBeNull();
    expect([0, 1, 2], context).toContain(result.code);
    // An unhandled error prints a stack trace and a Node.js error name; concur never does without --debug.
    if (!args.includes('--debug')) expect(result.stderr, context).not.toMatch(/\n\s+at .+:\d+:\d+\)?$/m);
    expect(result.stderr, context).not.toMatch(/Unhandled|ERR_UNHANDLED|node:internal/);
    if (result.code === 2) {
      const lines = result.stderr.split('\n').filter(Boolean);
      expect(lines[0], context).toMatch(/^concur: /);
      if (!args.includes('--debug')) expect(lines, context).toHaveLength(1);
    }
  });
});
