/** Choose what the user asked for by name, with an error that lists what could have been asked for. */
import { InputError } from '../errors.js';
import type { BrokenPlugin, Catalog, LoadedStrategy, LoadedWorkload, PluginKind } from './types.js';

/**
 * The strategies named, in the order given, each once. Throws InputError for an unknown name (listing the
 * known ones) or a broken one (saying why it is broken).
 */
export function pickStrategies(catalog: Catalog, names: readonly string[]): LoadedStrategy[] {
  const known = catalog.strategies.map((s) => s.name);
  if (names.length === 0) throw new InputError(`name at least one strategy; known: ${list(known)}`);
  return [...new Set(names)].map((name) => pick(catalog.strategies, catalog.broken, 'strategy', name));
}

/** The workload named. Throws InputError for an unknown or broken name, as {@link pickStrategies} does. */
export function pickWorkload(catalog: Catalog, name: string): LoadedWorkload {
  return pick(catalog.workloads, catalog.broken, 'workload', name);
}

function pick<T extends { readonly name: string }>(
  loaded: readonly T[],
  broken: readonly BrokenPlugin[],
  kind: PluginKind,
  name: string,
): T {
  const found = loaded.find((item) => item.name === name);
  if (found) return found;
  const why = broken.find(
    (b) => b.kind === kind && (b.name === name || b.specifier === name || b.source.packageName === name),
  );
  if (why) throw new InputError(`${kind} "${name}" cannot be used: ${why.reason}`);
  const unusable = broken.filter((b) => b.kind === kind).length;
  const hint =
    unusable > 0
      ? ` (${unusable} broken ${kind} plugin${unusable === 1 ? '' : 's'}: see \`concur list\`)`
      : '';
  throw new InputError(`unknown ${kind} "${name}"; known: ${list(loaded.map((item) => item.name))}${hint}`);
}

function list(names: readonly string[]): string {
  return names.length > 0 ? names.join(', ') : '(none)';
}
