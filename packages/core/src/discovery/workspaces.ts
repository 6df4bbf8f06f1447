/**
 * The folders an npm `workspaces` field names. Supports what projects write in practice: literal paths,
 * `*` inside a path segment (`packages/*`, `plugins/strategy-*`), `**` for any depth, and `!pattern` to
 * leave folders out. Only folders holding a package.json count, as with npm.
 */
import { readdir } from 'node:fs/promises';
import { join, normalize, relative } from 'node:path';
import { exists } from './find-package.js';

/** The patterns of a `workspaces` field: an array, or yarn's `{ packages: [...] }`. Anything else: none. */
export function workspacePatterns(field: unknown): string[] {
  const list = Array.isArray(field)
    ? field
    : typeof field === 'object' && field !== null && Array.isArray((field as { packages?: unknown }).packages)
      ? (field as { packages: unknown[] }).packages
      : [];
  return list.filter((p): p is string => typeof p === 'string' && p.trim() !== '');
}

/** Absolute workspace folders under `rootDir`, in pattern order, each once. */
export async function workspaceDirs(rootDir: string, patterns: readonly string[]): Promise<string[]> {
  const included: string[] = [];
  const excluded = new Set<string>();
  for (const pattern of patterns) {
    const negated = pattern.startsWith('!');
    const segments = normalize(negated ? pattern.slice(1) : pattern)
      .split(/[\\/]/)
      .filter((s) => s !== '' && s !== '.');
    const dirs = await expand(rootDir, segments);
    if (negated) for (const dir of dirs) excluded.add(dir);
    else included.push(...dirs);
  }
  const unique = [...new Set(included)].filter((dir) => !excluded.has(dir) && dir !== rootDir);
  const withPackage = await Promise.all(unique.map((dir) => exists(join(dir, 'package.json'))));
  return unique.filter((_, i) => withPackage[i]);
}

async function expand(dir: string, segments: readonly string[]): Promise<string[]> {
  const [segment, ...rest] = segments;
  if (segment === undefined) return [dir];
  if (segment === '**') {
    const here = await expand(dir, rest);
    const deeper = await Promise.all((await subfolders(dir)).map((sub) => expand(join(dir, sub), segments)));
    return [...here, ...deeper.flat()];
  }
  if (!segment.includes('*')) return expand(join(dir, segment), rest);
  const match = new RegExp(`^${segment.split('*').map(escapeRegExp).join('[^/\\\\]*')}$`);
  const subs = (await subfolders(dir)).filter((sub) => match.test(sub));
  return (await Promise.all(subs.map((sub) => expand(join(dir, sub), rest)))).flat();
}

// Wildcards never descend into installed packages or hidden folders, as npm's own matching does not.
async function subfolders(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isDirectory() && e.name !== 'node_modules' && !e.name.startsWith('.'))
    .map((e) => e.name)
    .sort();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A workspace folder as messages show it: "packages/fast". */
export function workspaceLabel(rootDir: string, dir: string): string {
  return relative(rootDir, dir).split(/[\\/]/).join('/');
}
