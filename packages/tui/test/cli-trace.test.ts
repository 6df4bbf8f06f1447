// `concur run --trace FILE`: the runs' timelines as a Chrome trace-event file, beside the JSON report.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Finished, runConcur, tempCwd } from './fixtures/cli/run-concur.js';

let cwd: Awaited<ReturnType<typeof tempCwd>>;
let result: Finished;
beforeAll(async () => {
  cwd = await tempCwd();
  result = await runConcur(
    [
      'run',
      'sleep',
      '--param',
      'items=6',
      '--param',
      'ms=20',
      '--runs',
      '1',
      '--strategies',
      'async,thread',
      '--trace',
      'trace.json',
    ],
    { cwd: cwd.path },
  );
}, 240_000);
afterAll(() => cwd.remove());

interface Event {
  name: string;
  ph: string;
  pid: number;
  tid?: number;
  cat?: string;
  args?: { name?: string };
}

it('writes a process per run, a track per unit and a slice per item', async () => {
  expect(result.code).toBe(0);
  const events = (
    JSON.parse(await readFile(join(cwd.path, 'trace.json'), 'utf8')) as { traceEvents: Event[] }
  ).traceEvents;
  const processes = events.filter((e) => e.name === 'process_name').map((e) => e.args?.name);
  expect(processes).toEqual(['baseline × 1 · run 1', 'async × 6 · run 1', 'thread × 2 · run 1']);
  const items = events.filter((e) => e.ph === 'X' && e.cat === 'item');
  expect(items).toHaveLength(18);
  const threadPid = processes.indexOf('thread × 2 · run 1') + 1;
  expect(new Set(items.filter((e) => e.pid === threadPid).map((e) => e.tid)).size).toBe(2);
  const named = events
    .filter((e) => e.name === 'thread_name' && e.pid === threadPid)
    .map((e) => e.args?.name);
  expect(named).toEqual([
    'engine',
    expect.stringMatching(/^unit 0 · slot \d · thread \d+$/),
    expect.stringMatching(/^unit 1 · /),
  ]);
});

it('refuses a --trace into a missing folder before running anything', async () => {
  const bad = await runConcur(['run', 'sleep', '--trace', 'no/such/folder/t.json'], { cwd: cwd.path });
  expect(bad.code).toBe(2);
  expect(bad.stderr).toMatch(
    /--trace no\/such\/folder\/t\.json: the folder .+ does not exist; create it or choose another path/,
  );
});
