import { fileURLToPath } from 'node:url';
import { discover } from '@concur/core/orchestrate';
import { expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

// No line of concur names this plugin: run from the repository's root, discovery finds it through the
// `concur` manifest in its package.json, because it is a workspace package.
it('is found through its manifest as a workspace plugin of the repository', async () => {
  const catalog = await discover({ cwd: repoRoot });
  const found = catalog.strategies.find((s) => s.name === 'piscina');
  expect(found?.source).toMatchObject({ kind: 'workspace', packageName: 'concur-strategy-piscina' });
  expect(found?.moduleUrl).toMatch(/examples\/strategy-piscina\/dist\/index\.js$/);
  expect(catalog.broken.filter((b) => b.source.packageName === 'concur-strategy-piscina')).toEqual([]);
});
