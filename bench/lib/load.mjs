// The concur of a checkout, reached through a handle: this tree's concur, or another checkout's
// (`--against DIR`), loaded by the same code from the same package names, so that two commits are measured
// by one harness. No side effects on import: a probe loads only the concur it measures.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const STRATEGY_NAMES = ['process', 'thread', 'async'];
/** Strategies a section asks for by name, loaded where the checkout has them. */
export const OPTIONAL_STRATEGY_NAMES = ['queue'];
const BENCH_DIR = fileURLToPath(new URL('..', import.meta.url));
export const REPO_DIR = resolve(BENCH_DIR, '..');

/**
 * The concur of a checkout: its core, workloads and built-in strategies, as modules of this process (the
 * main side only; every measured run still happens in an engine process of the checkout's own).
 * `from` is the package.json the package names resolve from.
 */
export async function loadConcur(dir, { label, from = join(dir, 'package.json') } = {}) {
  if (!existsSync(from)) throw new Error(`${dir}: no package.json; is it a checkout of concur?`);
  const require = createRequire(from);
  const url = (name) => {
    try {
      return pathToFileURL(require.resolve(name)).href;
    } catch {
      throw new Error(
        `${dir}: ${name} is not installed and built there; run \`npm ci && npm run build\` in it`,
      );
    }
  };
  const strategies = {};
  for (const name of STRATEGY_NAMES) {
    const moduleUrl = url(`@concur/strategy-${name}`);
    strategies[name] = { name, moduleUrl, strategy: (await import(moduleUrl)).default };
  }
  // The queue strategy needs a broker and came later: a checkout without it is measured without it.
  for (const name of OPTIONAL_STRATEGY_NAMES) {
    const found = await resolveIfThere(require, `@concur/strategy-${name}`);
    if (found) strategies[name] = { name, moduleUrl: found, strategy: (await import(found)).default };
  }
  // The python-* strategies: one package, a module per strategy; a checkout without them is measured without.
  for (const mode of ['process', 'thread', 'asyncio']) {
    const found = await resolveIfThere(require, `@concur/strategy-python/${mode}`);
    const name = `python-${mode}`;
    if (found) strategies[name] = { name, moduleUrl: found, strategy: (await import(found)).default };
  }
  return {
    dir,
    label: label ?? dir,
    /** What a probe in another process needs to load the same concur. */
    source: { dir, from },
    // Orchestration (compare, runStrategy…) moved behind a subpath; an older checkout has it all in the main entry.
    core: {
      ...(await import(url('@concur/core'))),
      ...(await importIfThere(require, '@concur/core/orchestrate')),
    },
    workloads: await import(url('@concur/workloads')),
    strategies,
  };
}

/** This tree: the bench workspace's own dependencies resolve it. */
export const CURRENT_SOURCE = { dir: REPO_DIR, from: join(BENCH_DIR, 'package.json') };

/** The file URL of a package of the checkout, or undefined where it has none. */
async function resolveIfThere(require, name) {
  try {
    return pathToFileURL(require.resolve(name)).href;
  } catch {
    return undefined;
  }
}

/** A module of the checkout, or nothing where that checkout does not have it. */
async function importIfThere(require, name) {
  try {
    return await import(pathToFileURL(require.resolve(name)).href);
  } catch {
    return {};
  }
}
