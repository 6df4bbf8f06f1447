// The example exactly as its README runs it: `concur run --task task.mjs --inputs inputs.json`, through the
// real command, every strategy, and a report that names every item done.
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import type { Report } from '@concur/core';
import { validateReport } from '@concur/core/orchestrate';
import { expect, it } from 'vitest';
import { inputsFile, taskFile } from '../src/index.js';

const run = promisify(execFile);
const bin = join(dirname(createRequire(import.meta.url).resolve('@concur/tui')), 'bin.js');

it('races the custom task through the concur command on every built-in strategy', async () => {
  const { stdout } = await run(
    process.execPath,
    [bin, 'run', '--task', taskFile, '--inputs', inputsFile, '--runs', '1', '--json', '-'],
    { env: { ...process.env, CI: '1' }, cwd: dirname(taskFile) },
  );
  const report: Report = validateReport(JSON.parse(stdout));
  const items = JSON.parse(await readFile(inputsFile, 'utf8')).length;
  const strategies = new Set(report.runs.map((r) => r.strategy));
  for (const name of ['baseline', 'process', 'thread', 'async']) expect(strategies).toContain(name);
  for (const record of report.runs) expect(record.items).toEqual({ total: items, done: items, failed: 0 });
}, 60_000);
