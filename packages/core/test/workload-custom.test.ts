import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { taskFor } from '../src/contract/workload.js';
import { InputError } from '../src/errors.js';
import { TaskHost } from '../src/unit-kit/task-host.js';
import { customWorkload } from '../src/workload/custom-workload.js';

const echoTask = fileURLToPath(new URL('../fixtures/echo.mjs', import.meta.url));
let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'concur-custom-'));
  await writeFile(join(dir, 'inputs.json'), '[{"word":"a"}, 2, "three"]');
  await writeFile(join(dir, 'broken.json'), '[1, 2,');
  await writeFile(join(dir, 'object.json'), '{"items": [1, 2]}');
  await writeFile(join(dir, 'empty.json'), '[]');
  await writeFile(
    join(dir, 'no-default.mjs'),
    'export const task = { name: "x", kind: "cpu", run: () => 1 };',
  );
  await writeFile(join(dir, 'not-a-task.mjs'), 'export default { name: "x", kind: "cpu" };');
  await writeFile(join(dir, 'syntax-error.mjs'), 'export default {');
  await writeFile(
    join(dir, 'My Task.mjs'),
    'export default { name: "mine", kind: "io", run: (x) => x * 2 };',
  );
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function inputErrorOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InputError);
  const message = (error as InputError).message;
  expect(message).not.toContain('\n');
  return message;
}

describe('customWorkload', () => {
  it('runs the inputs of a JSON file through the task, named after the file', async () => {
    const workload = await customWorkload({ taskPath: echoTask, inputsFile: 'inputs.json', cwd: dir });
    expect(workload.name).toBe('echo');
    expect(workload.kind).toBe('cpu');
    const inputs = await workload.inputs({}, {});
    expect(inputs).toEqual([{ word: 'a' }, 2, 'three']);
    const host = await TaskHost.open(taskFor(workload) ?? 'no Node task', 0, () => {});
    const outcome = await host.run({ index: 0, input: inputs[0] });
    expect(outcome).toMatchObject({ ok: true, value: { word: 'a' } });
  });

  it('gives inputs 0…N-1 for --items N and resolves the task relative to cwd', async () => {
    const workload = await customWorkload({ taskPath: 'My Task.mjs', items: 3, cwd: dir });
    expect(workload.name).toBe('my-task');
    expect(workload.kind).toBe('io');
    expect(await workload.inputs({}, {})).toEqual([0, 1, 2]);
    const host = await TaskHost.open(taskFor(workload) ?? 'no Node task', 0, () => {});
    expect(await host.run({ index: 2, input: 2 })).toMatchObject({ ok: true, value: 4 });
  });

  it('names a missing task file and says what it should be', async () => {
    const message = await inputErrorOf(customWorkload({ taskPath: 'nope.mjs', items: 1, cwd: dir }));
    expect(message).toMatch(/^--task nope\.mjs: no such file .*defineTask/);
  });

  it('says a folder given as the task is a folder, and how to name the module in it', async () => {
    const message = await inputErrorOf(customWorkload({ taskPath: '.', items: 1, cwd: dir }));
    expect(message).toMatch(
      /^--task \.: is a folder .*; name the task module file inside it, e\.g\. --task \.\/task\.mjs$/,
    );
  });

  it('names a module without a default task and shows the export it needs', async () => {
    for (const file of ['no-default.mjs', 'not-a-task.mjs']) {
      const message = await inputErrorOf(customWorkload({ taskPath: file, items: 1, cwd: dir }));
      expect(message).toContain(`--task ${file}: `);
      expect(message).toContain('export default defineTask');
    }
  });

  it('names a task module that does not parse', async () => {
    const message = await inputErrorOf(customWorkload({ taskPath: 'syntax-error.mjs', items: 1, cwd: dir }));
    expect(message).toContain('--task syntax-error.mjs: ');
    expect(message).toContain('could not be imported');
  });

  it('names a malformed, non-array, empty or missing inputs file and the fix', async () => {
    const check = (inputsFile: string) =>
      inputErrorOf(customWorkload({ taskPath: echoTask, inputsFile, cwd: dir }));
    expect(await check('broken.json')).toMatch(
      /^--inputs broken\.json is not valid JSON \(.+\); it must hold an array/,
    );
    expect(await check('object.json')).toBe(
      '--inputs object.json must hold a JSON array (one element per item), got object',
    );
    expect(await check('empty.json')).toContain('empty array');
    expect(await check('missing.json')).toMatch(/^--inputs missing\.json: no such readable file/);
  });

  it('asks for inputs when neither --inputs nor --items is given, and for one when both are', async () => {
    expect(await inputErrorOf(customWorkload({ taskPath: echoTask, cwd: dir }))).toContain('--items N');
    expect(
      await inputErrorOf(
        customWorkload({ taskPath: echoTask, inputsFile: 'inputs.json', items: 2, cwd: dir }),
      ),
    ).toContain('use one');
    expect(await inputErrorOf(customWorkload({ taskPath: echoTask, items: 0, cwd: dir }))).toBe(
      '--items must be a positive integer, got 0',
    );
  });
});

describe('customWorkload with a Python task', () => {
  it.skipIf(spawnSync('python3', ['--version']).status !== 0)(
    'gives the python runtime the file and Node none; a syntax error is one line naming the file and the line',
    async () => {
      await writeFile(join(dir, 'square.py'), 'KIND = "cpu"\n\ndef run(value):\n    return value * value\n');
      const workload = await customWorkload({ taskPath: 'square.py', items: 2, cwd: dir });
      expect(workload).toMatchObject({
        name: 'square',
        kind: 'cpu',
        tasks: { python: expect.stringMatching(/square\.py$/) },
      });
      expect(taskFor(workload)).toBeUndefined();

      await writeFile(join(dir, 'broken.py'), 'def run(value:\n    return value\n');
      const broken = customWorkload({ taskPath: 'broken.py', items: 2, cwd: dir });
      await expect(broken).rejects.toBeInstanceOf(InputError);
      await expect(broken).rejects.toThrow(
        /^--task broken\.py: SyntaxError: .* at line 1 of \/.*\/broken\.py; fix the Python there$/,
      );

      await writeFile(join(dir, 'no_run.py'), 'def walk(value):\n    return value\n');
      await expect(customWorkload({ taskPath: 'no_run.py', items: 2, cwd: dir })).rejects.toThrow(
        /^--task no_run\.py: defines no run function; a Python task is a module with def run\(input\)/,
      );
    },
  );
});
