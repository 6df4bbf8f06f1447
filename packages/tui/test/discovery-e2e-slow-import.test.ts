// A plugin whose import hangs holds up every command for the import limit: after a second concur says which
// plugin it waits for and for how long at most, then lists it as broken and goes on without it.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runConcur, tempCwd } from './fixtures/cli/run-concur.js';

let cwd: Awaited<ReturnType<typeof tempCwd>>;
beforeAll(async () => {
  cwd = await tempCwd();
  await writeFile(
    join(cwd.path, 'stuck.mjs'),
    'await new Promise(() => setInterval(() => {}, 1000));\nexport default {};\n',
  );
  await writeFile(join(cwd.path, 'concur.config.json'), JSON.stringify({ strategies: ['./stuck.mjs'] }));
});
afterAll(() => cwd.remove());

it('says what it waits for, then lists the plugin as broken', { timeout: 60_000 }, async () => {
  const list = await runConcur(['list', '--json'], { cwd: cwd.path });
  expect(list.code, list.stderr).toBe(0);
  expect(list.stderr).toMatch(
    /^concur: waiting for plugin \.\/stuck\.mjs to finish importing \(up to 10 s; a plugin should not wait at the top level of its module\)$/m,
  );
  const listed = JSON.parse(list.stdout) as { broken: { specifier: string; reason: string }[] };
  const stuck = listed.broken.find((b) => b.specifier === './stuck.mjs');
  expect(stuck?.reason).toMatch(/did not finish importing within 10 s/);
});
