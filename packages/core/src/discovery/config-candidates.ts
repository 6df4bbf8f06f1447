import { dirname, resolve } from 'node:path';
import type { ProjectConfig } from './config.js';
import { isPathLike, locatePackage, locatePath } from './locate.js';
import type { Candidate, PluginKind } from './types.js';

/**
 * The plugins a config file lists. Paths are relative to the config file; a listed path that does not
 * exist is a broken entry ("not found: ./x; check the path in concur.config.json"), not an error that
 * stops the run, so that the other plugins stay usable and `concur list` can show the mistake.
 */
export async function configCandidates(config: ProjectConfig): Promise<Candidate[]> {
  const base = dirname(config.file);
  const lists: [PluginKind, readonly string[]][] = [
    ['strategy', config.strategies],
    ['workload', config.workloads],
  ];
  const candidates: Candidate[] = [];
  for (const [kind, entries] of lists)
    for (const entry of entries) {
      const naming = {
        kind,
        specifier: entry,
        source: { kind: 'config' as const, from: config.name },
        fix: `check the ${isPathLike(entry) ? 'path' : 'name'} in ${config.name}`,
      };
      candidates.push(
        ...(await (isPathLike(entry)
          ? locatePath(entry.startsWith('file:') ? entry : resolve(base, entry), naming)
          : locatePackage(entry, base, naming))),
      );
    }
  return candidates;
}
