/**
 * The plugins concur ships with, as discovery's `builtins`: module URLs resolved from this package's own
 * dependencies without importing them. Discovery imports and checks them like any other plugin, so the
 * command never depends on a plugin by name in code.
 */
import type { DiscoverOptions } from '@concur/core/orchestrate';

const STRATEGY_PACKAGES = [
  '@concur/strategy-process',
  '@concur/strategy-thread',
  '@concur/strategy-async',
  '@concur/strategy-queue',
  // One package, three strategies: each is a module of its own, so the engine imports exactly one.
  '@concur/strategy-python/process',
  '@concur/strategy-python/thread',
  '@concur/strategy-python/asyncio',
];
const WORKLOAD_PACKAGES = ['@concur/workloads'];

export function builtins(): NonNullable<DiscoverOptions['builtins']> {
  return { strategies: STRATEGY_PACKAGES.map(locate), workloads: WORKLOAD_PACKAGES.map(locate) };
}

// A package that is missing from this installation is passed by name: discovery cannot find it and lists
// it as broken ("not found: @concur/strategy-thread; reinstall concur") instead of the command crashing.
function locate(packageName: string): string {
  try {
    return import.meta.resolve(packageName);
  } catch {
    return packageName;
  }
}
