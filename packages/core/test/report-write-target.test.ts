// What a report write does to what already stands at its path: a symlink is followed, a FIFO is written
// through (renaming over either would replace it), and a replaced regular file keeps its mode.
import { execFileSync } from 'node:child_process';
import { createReadStream } from 'node:fs';
import {
  chmod,
  lstat,
  mkdtemp,
  readdir,
  readFile,
  readlink,
  rm,
  stat,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../src/report/write.js';
import { writeTargetOf } from '../src/report/write-target.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'concur-target-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeFileAtomic and what stands at the path', () => {
  it('follows a symlink: the link stays, its target gets the text', async () => {
    await writeFile(join(dir, 'real.json'), 'old');
    await symlink('real.json', join(dir, 'link.json'));
    await writeFileAtomic(join(dir, 'link.json'), 'new');
    expect((await lstat(join(dir, 'link.json'))).isSymbolicLink()).toBe(true);
    expect(await readlink(join(dir, 'link.json'))).toBe('real.json');
    expect(await readFile(join(dir, 'real.json'), 'utf8')).toBe('new');
    expect((await readdir(dir)).sort()).toEqual(['link.json', 'real.json']);
  });

  it('follows a dangling symlink: its target is created, the link stays', async () => {
    await symlink('later.json', join(dir, 'link.json'));
    await writeFileAtomic(join(dir, 'link.json'), 'new');
    expect((await lstat(join(dir, 'link.json'))).isSymbolicLink()).toBe(true);
    expect(await readFile(join(dir, 'later.json'), 'utf8')).toBe('new');
  });

  it('writes through a FIFO, which stays a FIFO', async () => {
    const fifo = join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const chunks: Buffer[] = [];
    const read = new Promise<string>((resolve, reject) => {
      const stream = createReadStream(fifo);
      stream.on('data', (chunk) => chunks.push(Buffer.from(chunk)));
      stream.on('end', () => resolve(Buffer.concat(chunks).toString()));
      stream.on('error', reject);
    });
    await writeFileAtomic(fifo, 'through the pipe');
    expect(await read).toBe('through the pipe');
    expect((await lstat(fifo)).isFIFO()).toBe(true);
    expect(await readdir(dir)).toEqual(['pipe']);
  });

  it('keeps the mode of the regular file it replaces', async () => {
    const path = join(dir, 'r.json');
    await writeFile(path, 'old');
    await chmod(path, 0o600);
    await writeFileAtomic(path, 'new');
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect(await readFile(path, 'utf8')).toBe('new');
  });

  it('refuses a folder, leaving it as it was', async () => {
    await expect(writeFileAtomic(dir, 'x')).rejects.toThrow(/is a folder/);
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('writeTargetOf', () => {
  it('names a character device as written through, a folder as a folder, a new path as renamed onto', async () => {
    expect(await writeTargetOf('/dev/null')).toEqual({ how: 'write-through', path: '/dev/null' });
    expect(await writeTargetOf(dir)).toEqual({ how: 'folder', path: dir });
    expect(await writeTargetOf(join(dir, 'new.json'))).toEqual({
      how: 'rename',
      path: join(dir, 'new.json'),
    });
  });
});
