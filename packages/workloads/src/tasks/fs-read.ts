// File I/O, which Node hands to libuv's thread pool: each item writes a file in a temporary folder, reads
// it back, deletes it and returns what it read.
import { mkdtemp, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineTask } from '@concur/core/runtime';

export interface FsReadInput {
  readonly index: number;
  readonly bytes: number;
}

/** The file of item `index`: "<index>:" then the alphabet line over and over, cut at `bytes` characters. */
export function fileContents(index: number, bytes: number): string {
  const head = `${index}:`;
  const line = 'abcdefghijklmnopqrstuvwxyz\n';
  return (head + line.repeat(Math.ceil(bytes / line.length))).slice(0, bytes);
}

// Several units may share this module (units on one event loop): one folder for all of them, removed when
// the last one tears down.
let folder: Promise<string> | undefined;
let users = 0;

export default defineTask<FsReadInput, string>({
  name: 'fs-read',
  kind: 'io',
  setup() {
    users += 1;
    folder ??= mkdtemp(join(tmpdir(), 'concur-fs-read-'));
  },
  async run({ index, bytes }, ctx) {
    folder ??= mkdtemp(join(tmpdir(), 'concur-fs-read-'));
    const file = join(await folder, `unit-${ctx.unit}-item-${index}.txt`);
    await writeFile(file, fileContents(index, bytes), { signal: ctx.signal });
    try {
      return await readFile(file, { encoding: 'utf8', signal: ctx.signal });
    } finally {
      await unlink(file);
    }
  },
  async teardown() {
    users -= 1;
    if (users > 0 || !folder) return;
    const path = await folder;
    folder = undefined;
    await rm(path, { recursive: true, force: true });
  },
});
