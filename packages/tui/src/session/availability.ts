/**
 * A strategy may say it cannot run here and now (`Strategy.unavailable`: no broker answers, no interpreter
 * found). `concur list` shows its line; a run that names it stops with that line before anything starts; a
 * run that names no strategy leaves it out, saying so; the dashboard offers it greyed, with the line.
 */
import { InputError } from '@concur/core';
import { type Catalog, type LoadedStrategy, optionsFor, runtimeOf } from '@concur/core/orchestrate';

type OptionsByStrategy = Readonly<Record<string, Readonly<Record<string, unknown>>>>;

/** Each of `strategies` that cannot run here and now, by name, with its one line. Asked all at once. */
export async function unavailableStrategies(
  strategies: readonly LoadedStrategy[],
  options: OptionsByStrategy = {},
): Promise<Map<string, string>> {
  const answers = await Promise.all(
    strategies.map(async ({ name, strategy }): Promise<[string, string | undefined]> => {
      if (!strategy.unavailable) return [name, undefined];
      try {
        return [name, await strategy.unavailable(optionsFor(options, name, runtimeOf(strategy)))];
      } catch (error) {
        return [name, `could not tell whether it can run here: ${firstLine(error)}`];
      }
    }),
  );
  return new Map(answers.filter((answer): answer is [string, string] => typeof answer[1] === 'string'));
}

/**
 * The strategies of a comparison that can run. Those the user named must all be able to (InputError, exit
 * status 2, with the strategy's line); of "every strategy", the ones that cannot are left out and `note`d.
 */
export async function keepAvailable(
  strategies: readonly LoadedStrategy[],
  { named, options, note }: { named: boolean; options: OptionsByStrategy; note?: (line: string) => void },
): Promise<LoadedStrategy[]> {
  const unavailable = await unavailableStrategies(strategies, options);
  if (named) {
    const [name, line] = [...unavailable][0] ?? [];
    if (name !== undefined) throw new InputError(`strategy "${name}" cannot run here: ${line}`);
    return [...strategies];
  }
  for (const [name, line] of unavailable) note?.(`left out strategy "${name}": ${line}`);
  return strategies.filter((s) => !unavailable.has(s.name));
}

/**
 * The catalog as the dashboard offers it: a strategy that cannot run is listed with the plugins that cannot
 * be used, greyed with its line, and not chosen by default.
 */
export function withoutUnavailable(catalog: Catalog, unavailable: ReadonlyMap<string, string>): Catalog {
  if (unavailable.size === 0) return catalog;
  return {
    ...catalog,
    strategies: catalog.strategies.filter((s) => !unavailable.has(s.name)),
    broken: [
      ...catalog.broken,
      ...catalog.strategies
        .filter((s) => unavailable.has(s.name))
        .map((s) => ({
          kind: 'strategy' as const,
          name: s.name,
          specifier: s.source.packageName ?? s.moduleUrl,
          source: s.source,
          reason: `unavailable here: ${unavailable.get(s.name)}`,
        })),
    ],
  };
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}
