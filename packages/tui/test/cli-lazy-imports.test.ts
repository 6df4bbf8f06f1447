// A plain `concur run` imports what it uses: no other command's code, no HTML page writer.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { FIXTURES, startConcur, tempCwd } from './fixtures/cli/run-concur.js';

let cwd: Awaited<ReturnType<typeof tempCwd>>;
beforeAll(async () => {
  cwd = await tempCwd();
});
afterAll(() => cwd.remove());

async function importsOf(args: readonly string[]): Promise<string[]> {
  const log = join(cwd.path, `imports-${args[0]}.txt`);
  const running = startConcur(args, {
    cwd: cwd.path,
    env: {
      NODE_OPTIONS: `--import=${join(FIXTURES, 'record-imports.mjs')}`,
      CONCUR_TEST_IMPORTS: log,
    },
  });
  const finished = await running.finished;
  expect(finished.code, finished.stderr).toBe(0);
  const pid = String(running.child.pid);
  return (await readFile(log, 'utf8'))
    .split('\n')
    .filter((line) => line.startsWith(`${pid} `))
    .map((line) => line.slice(pid.length + 1));
}

it('imports no other command, HTML writer or scaffold for a plain run', async () => {
  const task = join(FIXTURES, 'echo.mjs');
  const urls = await importsOf([
    'run',
    '--task',
    task,
    '--items',
    '1',
    '-s',
    'async',
    '-r',
    '1',
    '--no-baseline',
  ]);
  // The command did run, and the hooks saw its modules.
  expect(urls.some((url) => url.endsWith('/cli/commands/run.js'))).toBe(true);
  const unneeded = urls.filter((url) =>
    /\/html\/|\/scaffold\/scaffold-strategy\.js|\/commands\/(diff|list|worker)\.js|\/node_modules\/(ink|react)\//.test(
      url,
    ),
  );
  expect(unneeded).toEqual([]);
}, 120_000);

it('imports the HTML writer when a run writes a page', async () => {
  const task = join(FIXTURES, 'echo.mjs');
  const page = join(cwd.path, 'report.html');
  const urls = await importsOf([
    'run',
    '--task',
    task,
    '--items',
    '1',
    '-s',
    'async',
    '-r',
    '1',
    '--no-baseline',
    '--html',
    page,
  ]);
  expect(urls.some((url) => url.endsWith('/html/render-html.js'))).toBe(true);
  expect((await readFile(page, 'utf8')).startsWith('<!doctype html>')).toBe(true);
}, 120_000);
