/**
 * Where a write to a path really goes. A report must never destroy what the user owns: a FIFO, a device or
 * `/dev/stdout` is written through (renaming over it would replace it with a regular file), a symlink is
 * followed to its target (renaming over it would replace the link and leave the target as it was), and only
 * a regular file, or a path where nothing is yet, is replaced by an atomic rename.
 */
import { fstatSync, type Stats } from 'node:fs';
import { lstat, readlink, realpath, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

export type WriteTarget =
  /** Replace `path` by renaming a finished temporary file over it; `mode` is the file's, to keep. */
  | { readonly how: 'rename'; readonly path: string; readonly mode?: number }
  /** Open `path` and write into it: it is a FIFO, a device, a terminal. */
  | { readonly how: 'write-through'; readonly path: string }
  /**
   * `path` is this process's own standard output or error (`/dev/stdout`, or the terminal it prints to):
   * write to that stream, which a socket behind it (as a parent process's pipe often is) cannot be opened.
   */
  | { readonly how: 'standard-stream'; readonly path: string; readonly fd: 1 | 2 }
  /** A folder stands there: nothing can be written. */
  | { readonly how: 'folder'; readonly path: string };

/** How deep a chain of symlinks is followed, as the kernel's own limit (ELOOP) does. */
const MAX_LINKS = 40;

export async function writeTargetOf(path: string): Promise<WriteTarget> {
  const info = await stat(path).catch(() => undefined);
  if (info?.isDirectory()) return { how: 'folder', path };
  // Through the name the user gave: /dev/stdout's real path (pipe:[…]) cannot be opened by name.
  if (info && !info.isFile()) {
    const fd = ([1, 2] as const).find((n) => sameFile(info, n));
    return fd === undefined ? { how: 'write-through', path } : { how: 'standard-stream', path, fd };
  }
  if (info) return { how: 'rename', path: await realpath(path), mode: info.mode & 0o7777 };
  return { how: 'rename', path: await danglingTarget(path) };
}

function sameFile(info: Stats, fd: number): boolean {
  try {
    const other = fstatSync(fd);
    return other.dev === info.dev && other.ino === info.ino;
  } catch {
    return false; // No such descriptor: this process was started without it.
  }
}

/** Nothing is at `path`, or a symlink points to where nothing is yet: the file the write creates. */
async function danglingTarget(path: string): Promise<string> {
  let current = path;
  for (let hops = 0; hops < MAX_LINKS; hops += 1) {
    const link = await lstat(current).catch(() => undefined);
    if (!link?.isSymbolicLink()) return current;
    current = resolve(dirname(current), await readlink(current));
  }
  return current;
}
