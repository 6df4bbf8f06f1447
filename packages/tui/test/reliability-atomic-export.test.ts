// Reports are written atomically: a concur killed (SIGKILL, nothing can clean up) while it writes a report
// leaves the file as it was or whole, never half of it.
import { spawn } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { validateReport } from '@concur/core/orchestrate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runConcur, startConcur, tempCwd } from './fixtures/cli/run-concur.js';
import { FAULTS } from './fixtures/faults/fault-run.js';

let cwd: Awaited<ReturnType<typeof tempCwd>>;
beforeAll(async () => {
  cwd = await tempCwd();
  await writeFile(
    join(cwd.path, 'echo.mjs'),
    'export default { name: "echo", kind: "cpu", run: (i) => i };\n',
  );
});
afterAll(() => cwd.remove());

const OLD = '{ "an": "older report, left whole" }\n';
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('a report file is never left half-written', () => {
  it('by a writer killed at random moments while it rewrites a large report', async () => {
    const target = join(cwd.path, 'loop.json');
    await writeFile(target, OLD);
    for (let attempt = 0; attempt < 8; attempt += 1) {
      const writer = spawn(process.execPath, [join(FAULTS, 'write-reports-forever.mjs'), target, '200000'], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      const closed = new Promise((resolve) => writer.on('close', resolve));
      await new Promise<void>((resolve) => writer.stdout.once('data', () => resolve()));
      await pause(Math.floor(Math.random() * 60));
      writer.kill('SIGKILL');
      await closed;
      const text = await readFile(target, 'utf8');
      const parsed = JSON.parse(text) as { marker?: string; latencyMs?: unknown[] };
      expect(['first', 'second, and longer']).toContain(parsed.marker);
      expect(parsed.latencyMs).toHaveLength(200_000);
    }
  });

  it('by concur killed around the moment it writes its report', async () => {
    const target = join(cwd.path, 'concur.json');
    // Many items make a report of a few megabytes: its write takes long enough to be hit.
    const args = ['run', '--task', 'echo.mjs', '--items', '30000', '-s', 'async', '-c', '1', '--runs', '1'];
    const whole = await runConcur([...args, '--no-baseline', '--json', target], { cwd: cwd.path });
    expect(whole.code, whole.stderr).toBe(0);
    expect(validateReport(JSON.parse(await readFile(target, 'utf8'))).runs[0]?.items.done).toBe(30_000);

    for (let attempt = 0; attempt < 4; attempt += 1) {
      await writeFile(target, OLD);
      const concur = startConcur([...args, '--no-baseline', '--json', target], { cwd: cwd.path });
      // The run's last progress line comes just before the report is written.
      await concur.waitForStderr(/\[1\/1\] async ×1 run 1: /);
      await pause(attempt * 10);
      concur.child.kill('SIGKILL');
      await concur.finished;
      const text = await readFile(target, 'utf8');
      // The old file, or the whole new report: nothing in between.
      if (text !== OLD) expect(validateReport(JSON.parse(text)).runs[0]?.items.done).toBe(30_000);
    }
    // What a killed write leaves is a hidden temporary file beside the report, never a report.
    for (const name of await readdir(cwd.path))
      if (name.startsWith('.concur.json.')) expect(name).toMatch(/\.tmp$/);
  });
});
