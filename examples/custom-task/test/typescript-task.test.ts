// A TypeScript task, loaded the way `concur run --task` loads it: by Node itself, in a fresh process (here
// vitest would compile the file and hide what a user's Node does with it).
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const orchestrateEntry = pathToFileURL(createRequire(import.meta.url).resolve('@concur/core/orchestrate'));
const customWorkloadModule = orchestrateEntry.href;
const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
const stripsTypesByDefault = major > 23 || (major === 23 && minor >= 6);

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'concur-ts-task-'));
  await writeFile(
    join(dir, 'double.ts'),
    'const task: { name: string; kind: "cpu"; run(n: number): number } = { name: "double", kind: "cpu", run: (n: number): number => n * 2 };\nexport default task;\n',
  );
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Load `file` with customWorkload in a fresh Node; prints the workload's name or the InputError's line. */
async function loadInFreshNode(file: string): Promise<string> {
  const script = `
    const { customWorkload } = await import(${JSON.stringify(customWorkloadModule)});
    try {
      const workload = await customWorkload({ taskPath: ${JSON.stringify(file)}, items: 1, cwd: ${JSON.stringify(dir)} });
      console.log('loaded ' + workload.name);
    } catch (error) {
      console.log(error.name + ': ' + error.message);
    }`;
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: dir });
  return stdout.trim();
}

describe('a TypeScript task', () => {
  it.runIf(!stripsTypesByDefault)(
    'on a Node that cannot load it, stops with one line saying how to fix it',
    async () => {
      const line = await loadInFreshNode('double.ts');
      expect(line).toMatch(
        /^InputError: --task double\.ts: this Node \(v[\d.]+\) cannot load TypeScript directly; compile it/,
      );
      expect(line).toContain('--experimental-strip-types');
    },
  );

  it('loads once compiled to JavaScript', async () => {
    await writeFile(
      join(dir, 'double.mjs'),
      'export default { name: "double", kind: "cpu", run: (n) => n * 2 };\n',
    );
    expect(await loadInFreshNode('double.mjs')).toBe('loaded double');
  });
});
