import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError } from '@concur/core';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { scaffoldStrategy } from '../src/scaffold/scaffold-strategy.js';
import { tempFolder } from './fixtures/scaffold/temp-project.js';

let temp: Awaited<ReturnType<typeof tempFolder>>;
beforeEach(async () => {
  temp = await tempFolder('scaffold-target');
});
afterEach(() => temp.remove());

it('writes into ./concur-strategy-NAME by default', async () => {
  const made = await scaffoldStrategy({ name: 'my-pool', cwd: temp.dir });
  expect(made.dir).toBe(join(temp.dir, 'concur-strategy-my-pool'));
  expect(made.shownDir).toBe('concur-strategy-my-pool');
  expect((await readdir(made.dir)).sort()).toEqual(
    [
      '.gitignore',
      'README.md',
      'package.json',
      'src',
      'test',
      'tsconfig.json',
      'vendor',
      'vitest.config.ts',
    ].sort(),
  );
});

it('writes into --dir, relative to the current folder, and into an existing empty folder', async () => {
  await mkdir(join(temp.dir, 'plugins/fast'), { recursive: true });
  const made = await scaffoldStrategy({ name: 'fast', dir: 'plugins/fast', cwd: temp.dir });
  expect(made.dir).toBe(join(temp.dir, 'plugins/fast'));
  expect(made.files).toContain('src/index.ts');
  expect(await readFile(join(made.dir, 'src/index.ts'), 'utf8')).toContain("name: 'fast'");
});

it('refuses a folder that is not empty, naming it and the fix, and leaves it untouched', async () => {
  await mkdir(join(temp.dir, 'mine'));
  await writeFile(join(temp.dir, 'mine/notes.txt'), 'keep me');
  const attempt = scaffoldStrategy({ name: 'my-pool', dir: 'mine', cwd: temp.dir });
  await expect(attempt).rejects.toThrow(InputError);
  await expect(attempt).rejects.toThrow(
    'mine already exists and is not empty; choose another folder with --dir, or remove it first',
  );
  expect(await readdir(join(temp.dir, 'mine'))).toEqual(['notes.txt']);
});

it('refuses a target that is a file', async () => {
  await writeFile(join(temp.dir, 'taken'), '');
  await expect(scaffoldStrategy({ name: 'my-pool', dir: 'taken', cwd: temp.dir })).rejects.toThrow(
    'taken exists and is a file; choose another folder with --dir',
  );
});

it('checks the name before touching the disk', async () => {
  await expect(scaffoldStrategy({ name: 'Bad Name', cwd: temp.dir })).rejects.toThrow(InputError);
  expect(await readdir(temp.dir)).toEqual([]);
});

it('leaves the folder as it found it when the core cannot be packed', async () => {
  const path = process.env.PATH;
  process.env.PATH = join(temp.dir, 'no-npm-here'); // npm pack cannot start
  try {
    const attempt = scaffoldStrategy({ name: 'my-pool', cwd: temp.dir });
    await expect(attempt).rejects.toThrow(
      /^could not pack @concur\/core \(.*\) for the new plugin: .*npm on the PATH$/,
    );
    await mkdir(join(temp.dir, 'empty'));
    await expect(scaffoldStrategy({ name: 'my-pool', dir: 'empty', cwd: temp.dir })).rejects.toThrow();
  } finally {
    process.env.PATH = path;
  }
  expect(await readdir(temp.dir)).toEqual(['empty']);
  expect(await readdir(join(temp.dir, 'empty'))).toEqual([]);
});
