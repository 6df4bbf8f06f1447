/** What `concur new-strategy NAME` derives from NAME, checked before anything is written. */
import { InputError } from '@concur/core';

/** The names concur accepts for a strategy: what users type after `--strategies`. Same rule as the contract's. */
const NAME = /^[a-z0-9][a-z0-9._-]*$/;
const PACKAGE_PREFIX = 'concur-strategy-';

export interface StrategyNames {
  /** `meta.name`: "my-pool". */
  readonly strategy: string;
  /** The npm package: "concur-strategy-my-pool". */
  readonly packageName: string;
}

/** "my-pool" → strategy "my-pool" in package "concur-strategy-my-pool"; a name given with the prefix keeps it once. */
export function strategyNames(input: string): StrategyNames {
  const strategy = input.startsWith(PACKAGE_PREFIX) ? input.slice(PACKAGE_PREFIX.length) : input;
  if (!NAME.test(strategy) || strategy.length > 60)
    throw new InputError(
      `strategy name must be lower-case letters, digits, "-", "." or "_" (at most 60), starting with a letter or digit, got ${JSON.stringify(input)}${suggestion(input)}`,
    );
  return { strategy, packageName: `${PACKAGE_PREFIX}${strategy}` };
}

function suggestion(input: string): string {
  const fixed = input
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[^a-z0-9]+|-+$/g, '');
  return fixed !== '' && fixed !== input && NAME.test(fixed) ? `; try "${fixed}"` : '';
}
