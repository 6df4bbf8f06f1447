// --help and --version answer on every command with exit status 0.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runConcur, tempCwd } from './fixtures/cli/run-concur.js';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

let cwd: Awaited<ReturnType<typeof tempCwd>>;
beforeAll(async () => {
  cwd = await tempCwd();
});
afterAll(() => cwd.remove());

describe('--help and --version', () => {
  it.each([[['--version']], [['run', '--version']], [['list', '--version']]])(
    'concur %s prints the version',
    async (args) => {
      const result = await runConcur(args, { cwd: cwd.path });
      expect(result).toMatchObject({ code: 0, stdout: `${version}\n`, stderr: '' });
    },
  );

  it.each([
    [['--help'], /Usage: concur \[options\] \[command\][\s\S]*run \[options\] \[workload\][\s\S]*list/],
    [
      ['run', '--help'],
      /Usage: concur run \[options\] \[workload\][\s\S]*--concurrency <n\|list>[\s\S]*--no-baseline/,
    ],
    [['list', '--help'], /Usage: concur list \[options\][\s\S]*--json/],
  ])('concur %s prints its usage', async (args, usage) => {
    const result = await runConcur(args, { cwd: cwd.path });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(usage);
    expect(result.stderr).toBe('');
  });
});
