/**
 * The plugin manifest: a `"concur": { "strategy": "./dist/index.js", "workload": "./dist/workloads.js" }`
 * field in a package's package.json. A package with several strategies lists one module per strategy:
 * `"strategy": ["./dist/process.js", "./dist/thread.js"]`. Reading it never imports the plugin's code.
 */
import { basename, join, resolve } from 'node:path';
import { readJsonFile } from './read-json.js';
import type { PluginKind } from './types.js';

/** One manifest entry: the module files it names (absolute paths, in order), or why it is unusable. */
export type ManifestEntry = { readonly files: readonly string[] } | { readonly problem: string };

export type ManifestRead =
  | { readonly status: 'no-package-json' }
  | { readonly status: 'unreadable'; readonly problem: string }
  | {
      readonly status: 'ok';
      /** The package's `name`, or its folder's name when it has none. */
      readonly packageName: string;
      /** Undefined for a kind the manifest does not declare; both undefined when there is no manifest. */
      readonly entries: Readonly<Record<PluginKind, ManifestEntry | undefined>>;
    };

const KINDS: readonly PluginKind[] = ['strategy', 'workload'];

/** Read `<packageDir>/package.json` and its `concur` manifest. */
export async function readManifest(packageDir: string): Promise<ManifestRead> {
  const read = await readJsonFile(join(packageDir, 'package.json'));
  if (read === 'missing') return { status: 'no-package-json' };
  if (!read.ok)
    return { status: 'unreadable', problem: `${join(packageDir, 'package.json')} ${read.problem}` };
  const pkg = (typeof read.value === 'object' && read.value !== null ? read.value : {}) as Record<
    string,
    unknown
  >;
  const packageName = typeof pkg.name === 'string' && pkg.name !== '' ? pkg.name : basename(packageDir);
  return { status: 'ok', packageName, entries: manifestEntries(pkg.concur, packageDir, packageName) };
}

function manifestEntries(
  manifest: unknown,
  packageDir: string,
  packageName: string,
): Record<PluginKind, ManifestEntry | undefined> {
  const entries: Record<PluginKind, ManifestEntry | undefined> = { strategy: undefined, workload: undefined };
  if (manifest === undefined) return entries;
  const fix = `fix the \`concur\` field of ${packageName}'s package.json`;
  const declared =
    typeof manifest === 'object' && manifest !== null ? (manifest as Record<string, unknown>) : {};
  if (!KINDS.some((kind) => kind in declared)) {
    // Reported once, under `strategy`: the common case, and a manifest naming neither kind has no other home.
    entries.strategy = {
      problem: `${packageName}: \`concur\` in package.json must be an object such as { "strategy": "./dist/index.js" }, got ${JSON.stringify(manifest)}; ${fix}`,
    };
    return entries;
  }
  for (const kind of KINDS) {
    if (!(kind in declared)) continue;
    const value = declared[kind];
    const paths = typeof value === 'string' ? [value] : value;
    entries[kind] =
      Array.isArray(paths) &&
      paths.length > 0 &&
      paths.every((path) => typeof path === 'string' && path !== '')
        ? { files: paths.map((path: string) => resolve(packageDir, path)) }
        : {
            problem: `${packageName}: \`concur.${kind}\` in package.json must be a path such as "./dist/index.js", or a list of them (one module per ${kind}), got ${JSON.stringify(value)}; ${fix}`,
          };
  }
  return entries;
}
