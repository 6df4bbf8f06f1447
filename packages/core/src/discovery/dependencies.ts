/**
 * Plugins a project declares by installing them: every dependency of the root package.json and of each
 * workspace package.json whose own package.json carries a `concur` manifest, plus workspace packages that
 * carry one themselves. A dependency without a manifest is not a plugin and is skipped without a word.
 */
import { join } from 'node:path';
import { InputError } from '../errors.js';
import { findPackageDir } from './find-package.js';
import { fromManifestEntry } from './locate.js';
import { type ManifestRead, readManifest } from './manifest.js';
import { readJsonFile } from './read-json.js';
import type { Candidate, PluginKind, PluginSource } from './types.js';
import { workspaceDirs, workspaceLabel, workspacePatterns } from './workspaces.js';

const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'optionalDependencies'] as const;
const KINDS: readonly PluginKind[] = ['strategy', 'workload'];

interface ProjectPackage {
  readonly dir: string;
  /** "my-app", or the folder as a path when the package has no name. */
  readonly name: string;
  readonly json: Record<string, unknown>;
}

/** Candidates from the project in `cwd`: workspace plugins first, then declared dependencies. */
export async function projectCandidates(cwd: string): Promise<Candidate[]> {
  const root = await readProjectPackage(cwd, 'package.json', cwd);
  if (!root) return [];
  const workspaces: ProjectPackage[] = [];
  for (const dir of await workspaceDirs(cwd, workspacePatterns(root.json.workspaces))) {
    const label = workspaceLabel(cwd, dir);
    const pkg = await readProjectPackage(dir, `${label}/package.json`, label);
    if (pkg) workspaces.push(pkg);
  }
  // Independent look-ups run side by side (a project can declare hundreds of dependencies); Promise.all
  // keeps them in discovery order.
  const fromWorkspaces = workspaces.map(async (ws) => {
    const source: PluginSource = { kind: 'workspace', from: `workspace ${workspaceLabel(cwd, ws.dir)}` };
    return manifestCandidates(await readManifest(ws.dir), ws.name, source);
  });
  const fromDependencies = [root, ...workspaces].flatMap((pkg) =>
    declaredDependencies(pkg.json).map(async (dependency) => {
      const dir = await findPackageDir(dependency, pkg.dir);
      if (!dir) return []; // not installed: npm will say so; it is not ours to report
      const source: PluginSource = { kind: 'dependency', from: `package.json of ${pkg.name}` };
      return manifestCandidates(await readManifest(dir), dependency, source);
    }),
  );
  return (await Promise.all([...fromWorkspaces, ...fromDependencies])).flat();
}

async function manifestCandidates(
  read: ManifestRead,
  specifier: string,
  source: PluginSource,
): Promise<Candidate[]> {
  if (read.status !== 'ok') return [];
  const candidates: Candidate[] = [];
  for (const kind of KINDS) {
    const entry = read.entries[kind];
    if (!entry) continue;
    const naming = {
      kind,
      specifier,
      source: { ...source, packageName: read.packageName },
      fix: `fix ${read.packageName}'s package.json`,
    };
    candidates.push(...(await fromManifestEntry(entry, naming, read.packageName)));
  }
  return candidates;
}

function declaredDependencies(json: Record<string, unknown>): string[] {
  const names = DEPENDENCY_FIELDS.flatMap((field) => {
    const deps = json[field];
    return typeof deps === 'object' && deps !== null ? Object.keys(deps) : [];
  });
  return [...new Set(names)];
}

// The project's own package.json files are the user's input: a broken one is an InputError, as npm would make it.
async function readProjectPackage(
  dir: string,
  label: string,
  fallbackName: string,
): Promise<ProjectPackage | undefined> {
  const read = await readJsonFile(join(dir, 'package.json'));
  if (read === 'missing') return undefined;
  if (!read.ok) throw new InputError(`${label} ${read.problem}; fix the syntax`);
  if (typeof read.value !== 'object' || read.value === null || Array.isArray(read.value))
    throw new InputError(`${label} must hold an object, got ${JSON.stringify(read.value)}; fix the file`);
  const json = read.value as Record<string, unknown>;
  return { dir, name: typeof json.name === 'string' && json.name !== '' ? json.name : fallbackName, json };
}
