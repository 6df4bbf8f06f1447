/**
 * Assemble what was loaded into a {@link Catalog}. Names must be unique per kind: when two different
 * modules claim one name, neither is used and both are listed as broken, naming each other, so that the
 * user sees the clash instead of getting whichever happened to load first.
 */
import type { Loaded } from './load-plugin.js';
import type {
  BrokenPlugin,
  Catalog,
  LoadedStrategy,
  LoadedWorkload,
  PluginKind,
  PluginSource,
} from './types.js';

/** What one candidate produced, with the specifier that named it. */
export interface LoadResult {
  readonly specifier: string;
  readonly loaded: Loaded;
}

export function buildCatalog(results: readonly LoadResult[]): Catalog {
  const broken: BrokenPlugin[] = results.flatMap((r) => r.loaded.broken);
  const strategies = results.flatMap((r) =>
    r.loaded.strategies.map((item) => ({ item, specifier: r.specifier })),
  );
  const workloads = results.flatMap((r) =>
    r.loaded.workloads.map((item) => ({ item, specifier: r.specifier })),
  );
  return {
    strategies: unique('strategy', strategies, broken),
    workloads: unique('workload', workloads, broken),
    broken,
  };
}

function unique<T extends LoadedStrategy | LoadedWorkload>(
  kind: PluginKind,
  found: readonly { item: T; specifier: string }[],
  broken: BrokenPlugin[],
): T[] {
  // Map keeps first-seen order, so the catalog lists plugins in discovery order. (No Map.groupBy on Node 20.)
  const byName = new Map<string, { item: T; specifier: string }[]>();
  for (const f of found) byName.set(f.item.name, [...(byName.get(f.item.name) ?? []), f]);
  const kept: T[] = [];
  for (const [name, claimants] of byName) {
    const [first] = claimants;
    if (claimants.length === 1 && first) {
      kept.push(first.item);
      continue;
    }
    const who = claimants.map((c) => describeSource(c.specifier, c.item.source));
    const reason = `${kind} name "${name}" is claimed by ${who.length === 2 ? 'both ' : ''}${joinWords(who)}; rename one or remove one from the config`;
    for (const c of claimants)
      broken.push({ kind, specifier: c.specifier, source: c.item.source, reason, name });
  }
  return kept;
}

/** "fast-pool (package.json of my-app)", "./plugins/fast.mjs (concur.config.json)", "built-in @concur/strategy-thread". */
export function describeSource(specifier: string, source: PluginSource): string {
  if (source.kind === 'builtin') return `built-in ${source.packageName ?? specifier}`;
  return `${specifier} (${source.from})`;
}

function joinWords(words: readonly string[]): string {
  return words.length <= 2 ? words.join(' and ') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}
