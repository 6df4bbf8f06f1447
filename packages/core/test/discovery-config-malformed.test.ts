// A malformed config or project package.json stops discovery with one InputError line that names the
// file and the fix: the user's own input is wrong, and guessing what they meant would hide it.
import { afterAll, expect, test } from 'vitest';
import { discover } from '../src/discovery/index.js';
import { InputError } from '../src/errors.js';
import { makeProject, removeProjects } from './fixtures/discovery/project.js';

afterAll(removeProjects);

async function discoveryError(files: Record<string, string | object>): Promise<InputError> {
  const error = await discover({ cwd: await makeProject(files) }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(InputError);
  expect((error as Error).message).not.toContain('\n');
  return error as InputError;
}

test('invalid JSON names the file, the line and the column', async () => {
  const error = await discoveryError({ 'concur.config.json': '{\n  "strategies": ["a"],\n}\n' });
  expect(error.message).toBe(
    'concur.config.json is not valid JSON at line 3, column 1: unexpected "}"; fix the syntax',
  );
});

test('`strategies` that is not an array is named with what it was', async () => {
  const error = await discoveryError({ 'concur.config.json': { strategies: 3 } });
  expect(error.message).toBe(
    'concur.config.json: `strategies` must be an array of package names or paths, got 3',
  );
});

test('an entry that is not a string is named by its position', async () => {
  const error = await discoveryError({ 'concur.config.json': { workloads: ['./ok.mjs', 7] } });
  expect(error.message).toBe(
    'concur.config.json: `workloads[1]` must be a package name or a path such as "./plugins/fast.mjs", got 7',
  );
});

test('an unknown key (a typo) is refused rather than ignored', async () => {
  const error = await discoveryError({ 'concur.config.json': { strategy: ['./fast.mjs'] } });
  expect(error.message).toBe(
    'concur.config.json: unknown key `strategy`; the keys are `strategies` and `workloads`',
  );
});

test('a config that is not an object is refused', async () => {
  const error = await discoveryError({ 'concur.config.json': ['./fast.mjs'] });
  expect(error.message).toMatch(/^concur\.config\.json must hold an object such as/);
});

test('two config files are ambiguous', async () => {
  const error = await discoveryError({
    'concur.config.json': {},
    'concur.config.mjs': 'export default {};\n',
  });
  expect(error.message).toBe(
    'found both concur.config.json and concur.config.mjs; keep one concur config file and delete the other',
  );
});

test('a config module that throws names the file and the error', async () => {
  const error = await discoveryError({ 'concur.config.mjs': 'throw new Error("no config today");\n' });
  expect(error.message).toBe('concur.config.mjs threw on import: no config today; fix the file');
});

test('a config module without a default export says what to export', async () => {
  const error = await discoveryError({ 'concur.config.mjs': 'export const strategies = [];\n' });
  expect(error.message).toMatch(/^concur\.config\.mjs has no default export; write `export default \{/);
});

test('a malformed project package.json is named', async () => {
  const error = await discoveryError({ 'package.json': '{ "name": "my-app", }' });
  expect(error.message).toBe(
    'package.json is not valid JSON at line 1, column 21: unexpected "}"; fix the syntax',
  );
});
