/** Discovery as every command runs it: the built-ins and the project's plugins, with a word for a slow one. */
import { type Catalog, discover } from '@concur/core/orchestrate';
import { builtins } from './builtins.js';
import type { CliContext } from './context.js';

export function discoverCatalog(ctx: CliContext): Promise<Catalog> {
  return discover({
    cwd: ctx.cwd,
    builtins: builtins(),
    onSlowImport: (specifier, limitMs) =>
      ctx.stderr.write(
        `concur: waiting for plugin ${specifier} to finish importing (up to ${limitMs / 1000} s; a plugin should not wait at the top level of its module)\n`,
      ),
  });
}
