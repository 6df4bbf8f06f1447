import { dirname, join } from 'node:path';
import { locatePath } from './locate.js';
import { readJsonFile } from './read-json.js';
import type { Candidate, DiscoverOptions, PluginKind } from './types.js';

/** The modules concur ships with, passed in by the CLI as file URLs or absolute paths. */
export async function builtinCandidates(builtins: DiscoverOptions['builtins']): Promise<Candidate[]> {
  const lists: [PluginKind, readonly string[]][] = [
    ['strategy', builtins?.strategies ?? []],
    ['workload', builtins?.workloads ?? []],
  ];
  const candidates: Candidate[] = [];
  for (const [kind, entries] of lists)
    for (const entry of entries) {
      const located = await locatePath(entry, {
        kind,
        specifier: entry,
        source: { kind: 'builtin', from: 'built-in' },
        fix: 'this installation of concur is incomplete; reinstall it',
      });
      for (const candidate of located) candidates.push(await withPackageName(candidate));
    }
  return candidates;
}

// A built-in is named by a file deep inside its package; `concur list` and clash messages read better with
// the package's name ("built-in @concur/strategy-thread") than with that path.
async function withPackageName(candidate: Candidate): Promise<Candidate> {
  if (candidate.file === undefined || candidate.source.packageName !== undefined) return candidate;
  for (let dir = dirname(candidate.file); ; dir = dirname(dir)) {
    const read = await readJsonFile(join(dir, 'package.json'));
    if (read !== 'missing') {
      const name = read.ok ? (read.value as { name?: unknown } | null)?.name : undefined;
      return typeof name === 'string'
        ? { ...candidate, source: { ...candidate.source, packageName: name } }
        : candidate;
    }
    if (dirname(dir) === dir) return candidate;
  }
}
