// Export paths are checked before the first run and written without destroying what stands there: a
// folder, an unwritable folder or two exports to one file stop concur at once with one line (exit 2); a
// FIFO, a device and /dev/stdout are written through, a symlink is followed to its target.
import { execFileSync } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { chmod, lstat, mkdir, readFile, readlink, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { validateReport } from '@concur/core/orchestrate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, runConcur, tempCwd } from './fixtures/cli/run-concur.js';

let cwd: Awaited<ReturnType<typeof tempCwd>>;
beforeAll(async () => {
  cwd = await tempCwd();
});
afterAll(() => cwd.remove());

const quick = ['run', '--task', join(FIXTURES, 'echo.mjs'), '--items', '3', '-s', 'async', '-c', '1'];
const quickRun = [...quick, '--runs', '1', '--warmup', '0', '--no-baseline'];

/** A refusal: exit 2, one line, and nothing measured (no plan line). */
function expectRefusal(finished: { code: number | null; stderr: string }, line: RegExp): void {
  expect(finished.code, finished.stderr).toBe(2);
  const lines = finished.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(line);
  expect(finished.stderr).not.toMatch(/plan:/);
}

describe('an export path that cannot be written is refused before the first run', () => {
  it('a folder where the file should be', async () => {
    await mkdir(join(cwd.path, 'out'), { recursive: true });
    expectRefusal(
      await runConcur([...quickRun, '--json', 'out'], { cwd: cwd.path }),
      /^concur: --json out is a folder; name a file, e\.g\. out\/report\.json$/,
    );
  });

  it('a folder concur cannot create files in', async () => {
    // Root passes every permission check, so as root a read-only file system stands in for a locked folder.
    let path = '/sys/concur-report.json';
    if (process.getuid?.() !== 0) {
      await mkdir(join(cwd.path, 'locked'), { recursive: true });
      await chmod(join(cwd.path, 'locked'), 0o555);
      path = join(cwd.path, 'locked', 'r.json');
    }
    expectRefusal(
      await runConcur([...quickRun, '--csv', path], { cwd: cwd.path }),
      /^concur: --csv \S+: cannot create files in \S+ \(E[A-Z]+\); choose a folder you can write to$/,
    );
  });

  it('two exports to the same file, by the same name or through a symlink', async () => {
    expectRefusal(
      await runConcur([...quickRun, '--json', 'same', '--csv', './same'], { cwd: cwd.path }),
      /^concur: --json same and --csv \.\/same name the same file/,
    );
    await writeFile(join(cwd.path, 'one.json'), 'old');
    await symlink('one.json', join(cwd.path, 'alias.md'));
    expectRefusal(
      await runConcur([...quickRun, '--json', 'one.json', '--markdown', 'alias.md'], { cwd: cwd.path }),
      /^concur: --json one\.json and --markdown alias\.md name the same file/,
    );
    expect(await readFile(join(cwd.path, 'one.json'), 'utf8')).toBe('old');
  });
});

describe('what stands at an export path is kept', () => {
  it('a FIFO is written through and stays a FIFO', async () => {
    const fifo = join(cwd.path, 'report.fifo');
    execFileSync('mkfifo', [fifo]);
    const chunks: Buffer[] = [];
    const read = new Promise<string>((resolve, reject) => {
      const stream = createReadStream(fifo);
      stream.on('data', (chunk) => chunks.push(Buffer.from(chunk)));
      stream.on('end', () => resolve(Buffer.concat(chunks).toString()));
      stream.on('error', reject);
    });
    const finished = await runConcur([...quickRun, '--json', fifo], { cwd: cwd.path });
    expect(finished.code, finished.stderr).toBe(0);
    expect(validateReport(JSON.parse(await read)).runs[0]?.items.done).toBe(3);
    expect((await lstat(fifo)).isFIFO()).toBe(true);
  });

  it('a symlink is followed: the link stays, its target holds the report', async () => {
    await writeFile(join(cwd.path, 'target.csv'), 'old');
    await symlink('target.csv', join(cwd.path, 'link.csv'));
    const finished = await runConcur([...quickRun, '--csv', 'link.csv'], { cwd: cwd.path });
    expect(finished.code, finished.stderr).toBe(0);
    expect((await lstat(join(cwd.path, 'link.csv'))).isSymbolicLink()).toBe(true);
    expect(await readlink(join(cwd.path, 'link.csv'))).toBe('target.csv');
    expect(await readFile(join(cwd.path, 'target.csv'), 'utf8')).toMatch(/^strategy,concurrency,run,/);
  });

  it('/dev/stdout gets the report, and a device (/dev/null) stays a device', async () => {
    const toStdout = await runConcur([...quickRun, '--json', '/dev/stdout'], { cwd: cwd.path });
    expect(toStdout.code, toStdout.stderr).toBe(0);
    expect(toStdout.stdout).toMatch(/^\{\n {2}"schema": "concur\.report"/);
    const toNull = await runConcur([...quickRun, '--markdown', '/dev/null'], { cwd: cwd.path });
    expect(toNull.code, toNull.stderr).toBe(0);
    expect((await stat('/dev/null')).isCharacterDevice()).toBe(true);
  });
});
