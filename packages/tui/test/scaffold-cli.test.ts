import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { concur, tempFolder } from './fixtures/scaffold/temp-project.js';

let temp: Awaited<ReturnType<typeof tempFolder>>;
beforeEach(async () => {
  temp = await tempFolder('scaffold-cli');
});
afterEach(() => temp.remove());

it('writes the package and says what to do next', async () => {
  const ran = await concur(['new-strategy', 'fast', '--dir', 'plugins/fast'], temp.dir);
  expect(ran.stderr).toBe('');
  expect(ran.code).toBe(0);
  expect(ran.stdout).toContain('Created concur-strategy-fast in plugins/fast: package.json, tsconfig.json');
  expect(ran.stdout).toContain('cd plugins/fast\n  npm install && npm run build && npm test');
  expect(ran.stdout).toContain('`concur list` shows fast');
  expect((await readdir(join(temp.dir, 'plugins/fast/src'))).sort()).toEqual([
    'index.ts',
    'unit-entry.ts',
    'unit.ts',
  ]);
  expect(ran.stdout).toMatch(/README\.md, vendor\/concur-core-\d+\.\d+\.\d+\.tgz\n/);
});

it('refuses a folder that is not empty: one line naming it and the fix, exit status 2', async () => {
  await mkdir(join(temp.dir, 'taken'));
  await writeFile(join(temp.dir, 'taken/keep.txt'), 'mine');
  const ran = await concur(['new-strategy', 'my-pool', '--dir', 'taken'], temp.dir);
  expect(ran.code).toBe(2);
  expect(ran.stderr).toBe(
    'concur: taken already exists and is not empty; choose another folder with --dir, or remove it first\n',
  );
  expect(ran.stdout).toBe('');
  expect(await readdir(join(temp.dir, 'taken'))).toEqual(['keep.txt']);
});

it('refuses a name that is not lower-case with a suggestion, exit status 2, writing nothing', async () => {
  const ran = await concur(['new-strategy', 'My Pool'], temp.dir);
  expect(ran.code).toBe(2);
  expect(ran.stderr.trim().split('\n')).toHaveLength(1);
  expect(ran.stderr).toMatch(/^concur: strategy name must be lower-case .*got "My Pool"; try "my-pool"\n$/);
  expect(await readdir(temp.dir)).toEqual([]);
});

it('asks for the name when it is missing', async () => {
  const ran = await concur(['new-strategy'], temp.dir);
  expect(ran.code).toBe(2);
  expect(ran.stderr).toBe("concur: missing required argument 'name'; see `concur new-strategy --help`\n");
});
