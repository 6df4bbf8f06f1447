import { access } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/**
 * The folder of an installed package, found the way Node finds it: `node_modules/<name>` in `fromDir`,
 * then in each parent folder. Only package.json files are looked at; nothing is resolved through `main`
 * or `exports`, because resolving a module must never run a plugin's code.
 */
export async function findPackageDir(name: string, fromDir: string): Promise<string | undefined> {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (await exists(join(candidate, 'package.json'))) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

export async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
