/** `concur list`: every strategy and workload found, where from, and the plugins that could not be used. */

import type { ParamSpec } from '@concur/core';
import { type Catalog, describeSource, type PluginSource } from '@concur/core/orchestrate';
import { unavailableStrategies } from '../../session/availability.js';
import { painter, wantsColour } from '../colour.js';
import type { CliContext } from '../context.js';
import { discoverCatalog } from '../discover-catalog.js';

export async function listCommand(flags: { readonly json?: boolean }, ctx: CliContext): Promise<number> {
  const catalog = await discoverCatalog(ctx);
  // With each strategy's default options: what `concur run` would meet without `--option`.
  const unavailable = await unavailableStrategies(catalog.strategies);
  ctx.stdout.write(
    flags.json
      ? `${JSON.stringify(catalogJson(catalog, unavailable), null, 2)}\n`
      : catalogText(catalog, unavailable, painter(wantsColour(ctx.stdout, ctx.env))),
  );
  return 0;
}

/** The catalog without code: what a script reading `concur list --json` needs. */
export function catalogJson(catalog: Catalog, unavailable: ReadonlyMap<string, string> = new Map()) {
  return {
    strategies: catalog.strategies.map(({ name, moduleUrl, source, strategy }) => ({
      name,
      ...(unavailable.has(name) ? { unavailable: unavailable.get(name) } : {}),
      version: strategy.meta.version,
      model: strategy.model,
      summary: strategy.summary,
      traits: strategy.traits,
      source,
      moduleUrl,
    })),
    workloads: catalog.workloads.map(({ name, moduleUrl, source, workload }) => ({
      name,
      description: workload.description,
      kind: workload.kind,
      params: workload.params,
      services: Object.keys(workload.services ?? {}),
      source,
      moduleUrl,
    })),
    broken: catalog.broken,
  };
}

function catalogText(
  catalog: Catalog,
  unavailable: ReadonlyMap<string, string>,
  paint: ReturnType<typeof painter>,
): string {
  const lines = [paint('bold', 'Strategies')];
  if (catalog.strategies.length === 0) lines.push('  (none)');
  for (const { name, source, strategy } of catalog.strategies) {
    const { traits } = strategy;
    lines.push(`  ${paint('cyan', name)}  ${strategy.summary} ${paint('dim', `(${where(source)})`)}`);
    lines.push(
      paint(
        'dim',
        `    unit: ${traits.unit} · memory: ${traits.memory} · ${traits.parallel ? 'parallel' : 'not parallel'} · ${traits.execution} · best for ${traits.bestFor}`,
      ),
    );
    const why = unavailable.get(name);
    if (why !== undefined) lines.push(`    ${paint('red', 'unavailable here:')} ${why}`);
  }
  lines.push('', paint('bold', 'Workloads'));
  if (catalog.workloads.length === 0) lines.push('  (none)');
  for (const { name, source, workload } of catalog.workloads) {
    lines.push(
      `  ${paint('cyan', name)}  ${workload.description} ${paint('dim', `(${workload.kind}, ${where(source)})`)}`,
    );
    const params = Object.entries(workload.params).map(([param, spec]) => describeParam(param, spec));
    if (params.length > 0) lines.push(paint('dim', `    --param ${params.join(', ')}`));
  }
  if (catalog.broken.length > 0) {
    lines.push('', paint('bold', 'Could not be used'));
    for (const broken of catalog.broken)
      lines.push(
        `  ${paint('red', broken.name ?? broken.specifier)} (${broken.kind}, ${describeSource(broken.specifier, broken.source)}): ${broken.reason}`,
      );
  }
  return `${lines.join('\n')}\n`;
}

function describeParam(name: string, spec: ParamSpec): string {
  return `${name}=${String(spec.default)}`;
}

/** "built-in", "fast-pool, package.json of my-app", "concur.config.json". */
function where(source: PluginSource): string {
  if (source.kind === 'builtin') return 'built-in';
  return source.packageName ? `${source.packageName}, ${source.from}` : source.from;
}
