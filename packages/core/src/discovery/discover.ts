import { realpath } from 'node:fs/promises';
import { builtinCandidates } from './builtin-candidates.js';
import { buildCatalog, type LoadResult } from './catalog.js';
import { readConfig } from './config.js';
import { configCandidates } from './config-candidates.js';
import { projectCandidates } from './dependencies.js';
import { loadCandidate } from './load-plugin.js';
import type { Candidate, Catalog, DiscoverOptions } from './types.js';

/**
 * Find every strategy and workload: the built-ins, the plugins `concur.config.*` lists, the project's
 * workspace packages and declared dependencies that carry a `concur` manifest. Each module is imported
 * and checked against the contract. A broken plugin lands in `broken` with its reason and never stops the
 * others; only a malformed config or project package.json throws (an InputError naming the file and fix).
 */
export async function discover(options: DiscoverOptions): Promise<Catalog> {
  const config = await readConfig(options.cwd);
  const candidates = [
    ...(await builtinCandidates(options.builtins)),
    ...(config ? await configCandidates(config) : []),
    ...(await projectCandidates(options.cwd)),
  ];
  const results = await Promise.all(
    (await withoutRepeats(candidates)).map((located) => load(located, options)),
  );
  return buildCatalog(results);
}

type Located = { readonly candidate: Candidate; readonly realFile?: string };

// One module reached by two routes (a built-in that is also a dependency, a workspace package that is
// also symlinked into node_modules) is the same plugin: keep the first route, in discovery order.
async function withoutRepeats(candidates: readonly Candidate[]): Promise<Located[]> {
  const seen = new Set<string>();
  const kept: Located[] = [];
  for (const candidate of candidates) {
    if (candidate.file === undefined) {
      kept.push({ candidate });
      continue;
    }
    const realFile = await realpath(candidate.file).catch(() => candidate.file);
    const key = `${candidate.kind} ${realFile}`;
    if (seen.has(key)) continue;
    seen.add(key);
    kept.push({ candidate, realFile });
  }
  return kept;
}

async function load(
  { candidate, realFile }: Located,
  { importTimeoutMs, onSlowImport }: DiscoverOptions,
): Promise<LoadResult> {
  const { kind, specifier, source } = candidate;
  if (candidate.problem !== undefined || realFile === undefined)
    return {
      specifier,
      loaded: {
        strategies: [],
        workloads: [],
        broken: [{ kind, specifier, source, reason: candidate.problem ?? 'not found' }],
      },
    };
  return { specifier, loaded: await loadCandidate(candidate, realFile, importTimeoutMs, onSlowImport) };
}
