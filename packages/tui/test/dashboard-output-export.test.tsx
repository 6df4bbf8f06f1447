import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanup, render } from 'ink-testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../src/dashboard/App.js';
import type { ExecuteComparison } from '../src/session/types.js';
import { catalog, eventually, plain, record, report, tick } from './fixtures/dashboard/samples.js';

afterEach(cleanup);

const printed = report({
  runs: [
    record({
      output: [
        { unit: 1, stream: 'stdout', text: 'hello from unit one\n' },
        { unit: 0, stream: 'stderr', text: 'warning from unit zero\n' },
        { unit: 1, stream: 'stdout', text: 'second line\n' },
      ],
    }),
    record({
      strategy: 'thread',
      run: 2,
      units: [{ slot: 0, id: 'thread 7', items: 4, failures: 0, end: 'closed' }],
      output: [{ unit: 0, stream: 'stdout', text: 'from a thread\n' }],
    }),
  ],
});

async function atResults(cwd?: string) {
  const execute = vi.fn<ExecuteComparison>(() => Promise.resolve(printed));
  const app = render(
    <App catalog={catalog()} execute={execute} onExit={() => {}} {...(cwd ? { cwd } : {})} />,
  );
  await tick();
  app.stdin.write('\r');
  await eventually(() => expect(plain(app.lastFrame())).toContain('Verdict'));
  return { app, frame: () => plain(app.lastFrame()) };
}

describe('captured output', () => {
  it('lists each unit that printed, by run and slot, and shows the chosen one', async () => {
    const { app, frame } = await atResults();
    app.stdin.write('l');
    await eventually(() => expect(frame()).toContain('› process run 1 · pid 4100'));
    expect(frame()).toContain('process run 1 · pid 4101');
    expect(frame()).toContain('thread run 2 · thread 7');
    expect(frame()).toContain('warning from unit zero');
    expect(frame()).not.toContain('hello from unit one');
    app.stdin.write('\u001b[B');
    await eventually(() => expect(frame()).toContain('› process run 1 · pid 4101'));
    expect(frame()).toMatch(/hello from unit one[\s\S]*second line/);
    app.stdin.write('\u001b');
    await eventually(() => expect(frame()).toContain('Verdict'));
  });
});

describe('export', () => {
  it('writes the report as JSON and Markdown into the current directory and says where', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'concur-export-'));
    try {
      const { app, frame } = await atResults(dir);
      // `e` offers the formats; `e` again writes JSON and Markdown.
      app.stdin.write('e');
      await eventually(() => expect(frame()).toContain('export: e JSON and Markdown'));
      app.stdin.write('e');
      await eventually(() =>
        expect(frame()).toMatch(
          /exported to \.\/concur-report-[\dT-]+\.json and \.\/concur-report-[\dT-]+\.md/,
        ),
      );
      const files = (await readdir(dir)).sort();
      expect(files).toHaveLength(2);
      expect(files[0]).toMatch(/^concur-report-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\.json$/);
      const json = JSON.parse(await readFile(join(dir, files[0] ?? ''), 'utf8'));
      expect(json.schema).toBe('concur.report');
      expect(json.verdict[0].text).toBe('thread ran 1.96 ± 0.04 times faster than async');
      expect(await readFile(join(dir, files[1] ?? ''), 'utf8')).toContain('article-cpu');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
