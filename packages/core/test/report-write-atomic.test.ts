import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildReport } from '../src/report/build.js';
import { validateReport } from '../src/report/read-report.js';
import { type ReportFormat, writeFileAtomic, writeReport } from '../src/report/write.js';
import { sampleInput } from './report-fixture-runs.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'concur-write-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it('a concurrent reader sees the old or the new whole file, never part of one', async () => {
    const path = join(dir, 'report.json');
    // Large enough that a plain write takes several chunks, which a reader could catch halfway.
    const size = 2 * 1024 * 1024;
    const versions = ['a', 'b'].map((letter) => letter.repeat(size));
    await writeFileAtomic(path, versions[0] as string);

    let writing = true;
    const seen: string[] = [];
    const reader = (async () => {
      while (writing) {
        const text = await readFile(path, 'utf8');
        seen.push(
          text.length === size && (text === versions[0] || text === versions[1]) ? 'whole' : 'partial',
        );
      }
    })();
    for (let i = 1; i <= 10; i++) await writeFileAtomic(path, versions[i % 2] as string);
    writing = false;
    await reader;

    expect(seen.length).toBeGreaterThan(0);
    expect(seen.filter((s) => s === 'partial')).toEqual([]);
    expect(await readFile(path, 'utf8')).toBe(versions[0]);
    expect(await readdir(dir)).toEqual(['report.json']);
  });

  it('a failed write leaves no temporary file and the target untouched', async () => {
    // A directory stands where the file should go, so the final rename fails.
    const target = join(dir, 'taken');
    await mkdir(target);
    await expect(writeFileAtomic(target, 'new')).rejects.toThrow();
    expect(await readdir(dir)).toEqual(['taken']);
    await expect(writeFileAtomic(join(dir, 'missing', 'r.json'), 'x')).rejects.toThrow(/ENOENT/);
    expect(await readdir(dir)).toEqual(['taken']);
  });
});

describe('writeReport', () => {
  const report = buildReport(sampleInput());

  it('writes JSON that reads back through the schema', async () => {
    const path = join(dir, 'r.json');
    await writeReport(path, report, 'json');
    expect(validateReport(JSON.parse(await readFile(path, 'utf8')))).toStrictEqual(report);
  });

  it('writes the Markdown and CSV views', async () => {
    await writeReport(join(dir, 'r.md'), report, 'markdown');
    await writeReport(join(dir, 'r.csv'), report, 'csv');
    expect(await readFile(join(dir, 'r.md'), 'utf8')).toMatch(/^# concur: cpu-sum\n/);
    expect(await readFile(join(dir, 'r.csv'), 'utf8')).toMatch(/^strategy,concurrency,run,/);
  });

  it('refuses an unknown format, naming it', async () => {
    await expect(writeReport(join(dir, 'r.x'), report, 'yaml' as ReportFormat)).rejects.toThrow(
      'report format must be "json", "markdown", "csv" or "trace", got "yaml"',
    );
    expect(await readdir(dir)).toEqual([]);
  });
});
