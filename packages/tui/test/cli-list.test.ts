// `concur list` shows what discovery found: the built-in strategies and workloads with their summaries and
// traits, and plugins that could not be used, with the reason.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runConcur, tempCwd } from './fixtures/cli/run-concur.js';

let cwd: Awaited<ReturnType<typeof tempCwd>>;
beforeAll(async () => {
  cwd = await tempCwd();
});
afterAll(() => cwd.remove());

describe('concur list', () => {
  it('shows the built-in strategies with their traits and the built-in workloads with their params', async () => {
    const result = await runConcur(['list'], { cwd: cwd.path });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    for (const name of [
      'process',
      'thread',
      'async',
      'queue',
      'python-process',
      'python-thread',
      'python-asyncio',
    ])
      expect(result.stdout).toMatch(new RegExp(`^  ${name}  \\S.*\\(built-in\\)$`, 'm'));
    expect(result.stdout).toMatch(/^ {4}unit: Thread · memory: .* · parallel · /m);
    expect(result.stdout).toMatch(/^ {2}sleep {2}.*\(io, built-in\)$/m);
    expect(result.stdout).toMatch(/^ {4}--param items=100, ms=100$/m);
    expect(result.stdout).toMatch(/^ {2}article-cpu {2}/m);
    expect(result.stdout).not.toMatch(/Could not be used/);
  });

  it('as JSON, with a plugin the config names but that does not exist listed as broken', async () => {
    const project = await tempCwd();
    try {
      await writeFile(
        join(project.path, 'concur.config.json'),
        JSON.stringify({ strategies: ['./missing-strategy.mjs'] }),
      );
      const result = await runConcur(['list', '--json'], { cwd: project.path });
      expect(result.code).toBe(0);
      const listed = JSON.parse(result.stdout);
      expect(listed.strategies.map((s: { name: string }) => s.name)).toEqual([
        'process',
        'thread',
        'async',
        'queue',
        'python-process',
        'python-thread',
        'python-asyncio',
      ]);
      expect(listed.strategies[1]).toMatchObject({
        model: expect.any(String),
        summary: expect.any(String),
        traits: { unit: expect.any(String) },
      });
      expect(listed.workloads.map((w: { name: string }) => w.name)).toContain('sleep');
      expect(listed.broken).toEqual([
        expect.objectContaining({
          kind: 'strategy',
          specifier: './missing-strategy.mjs',
          reason: expect.stringMatching(/not found/),
        }),
      ]);
      const text = await runConcur(['list'], { cwd: project.path });
      expect(text.stdout).toMatch(
        /^Could not be used\n {2}\.\/missing-strategy\.mjs \(strategy, .*\): .*not found/m,
      );
    } finally {
      await project.remove();
    }
  });
});
