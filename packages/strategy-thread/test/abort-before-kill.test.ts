// A killed unit's task hears its signal first, and has a short grace to clean up before its thread ends.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { spawnUnit } from './helpers.js';

it('aborts the item’s signal before the kill, so the task can write its file', async () => {
  const marker = join(mkdtempSync(join(tmpdir(), 'concur-abort-')), 'cleaned-up');
  const { unit } = await spawnUnit('cleans-up-on-abort.mjs');
  const running = unit.run({ index: 0, input: marker });
  await new Promise((resolve) => setTimeout(resolve, 100));
  await unit.kill();
  expect(await running).toMatchObject({ ok: false, error: { kind: 'killed' } });
  expect(existsSync(marker)).toBe(true);
  expect(readFileSync(marker, 'utf8')).toBe('aborted: the unit is being killed');
});
