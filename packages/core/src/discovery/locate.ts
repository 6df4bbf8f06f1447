/**
 * Turn what names a plugin (a path, a package folder, a package name) into a {@link Candidate}: the module
 * file to import, or the one-line reason there is none. Only the file system and package.json files are
 * read here; no plugin code runs.
 */
import { stat } from 'node:fs/promises';
import { isAbsolute } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exists, findPackageDir } from './find-package.js';
import { type ManifestEntry, readManifest } from './manifest.js';
import type { Candidate, PluginKind, PluginSource } from './types.js';

/** What a plugin is named by, and what to tell the user when it cannot be found. */
export interface Naming {
  readonly kind: PluginKind;
  /** As the user wrote it, or as a package.json declares it. */
  readonly specifier: string;
  readonly source: PluginSource;
  /** The end of a "not found" reason: "check the path in concur.config.json". */
  readonly fix: string;
}

/** Paths start with `.`, `/`, a drive letter or `file:`; anything else is a package name. */
export function isPathLike(entry: string): boolean {
  return entry.startsWith('.') || entry.startsWith('file:') || isAbsolute(entry);
}

/** A module file or a package folder with a manifest, by absolute path or file URL. */
export async function locatePath(pathOrUrl: string, naming: Naming): Promise<Candidate[]> {
  const path = pathOrUrl.startsWith('file:') ? fileURLToPath(pathOrUrl) : pathOrUrl;
  const info = await stat(path).catch(() => undefined);
  if (!info) return [broken(naming, `not found: ${naming.specifier}; ${naming.fix}`)];
  if (info.isDirectory()) return locatePackageDir(path, naming);
  return [{ kind: naming.kind, specifier: naming.specifier, source: naming.source, file: path }];
}

/** An installed package, found through node_modules from `fromDir`, used through its manifest. */
export async function locatePackage(name: string, fromDir: string, naming: Naming): Promise<Candidate[]> {
  const dir = await findPackageDir(name, fromDir);
  if (!dir)
    return [
      broken(
        naming,
        `package "${name}" is not installed (no node_modules/${name} found); install it or ${naming.fix}`,
      ),
    ];
  return locatePackageDir(dir, naming);
}

/** A package folder whose package.json must carry a manifest for `naming.kind`: a candidate per module it lists. */
export async function locatePackageDir(dir: string, naming: Naming): Promise<Candidate[]> {
  const read = await readManifest(dir);
  if (read.status === 'no-package-json')
    return [
      broken(
        naming,
        `${naming.specifier} is a folder without a package.json; name a module file, or a package folder whose package.json has "concur": { "${naming.kind}": "./dist/index.js" }`,
      ),
    ];
  if (read.status === 'unreadable') return [broken(naming, `${read.problem}; fix the syntax`)];
  const named = { ...naming, source: { ...naming.source, packageName: read.packageName } };
  const entry = read.entries[naming.kind];
  if (!entry)
    return [
      broken(
        named,
        `${read.packageName} is not a concur ${naming.kind} plugin: its package.json has no "concur": { "${naming.kind}": "./dist/index.js" }; add one, or remove it from the ${naming.kind === 'strategy' ? 'strategies' : 'workloads'} list`,
      ),
    ];
  return fromManifestEntry(entry, named, read.packageName);
}

/** A manifest entry checked on disk: a path that does not exist usually means the plugin was not built. */
export async function fromManifestEntry(
  entry: ManifestEntry,
  naming: Naming,
  packageName: string,
): Promise<Candidate[]> {
  if ('problem' in entry) return [broken(naming, entry.problem)];
  return Promise.all(
    entry.files.map(async (file): Promise<Candidate> => {
      if (!(await exists(file)))
        return broken(
          naming,
          `not found: ${file}, named by \`concur.${naming.kind}\` in ${packageName}'s package.json; build the plugin or fix the path`,
        );
      return { kind: naming.kind, specifier: naming.specifier, source: naming.source, file };
    }),
  );
}

function broken(naming: Naming, problem: string): Candidate {
  return { kind: naming.kind, specifier: naming.specifier, source: naming.source, problem };
}
