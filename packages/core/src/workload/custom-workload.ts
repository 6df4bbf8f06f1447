/**
 * `concur run --task ./my-task.mjs`: a user's own task module raced like a built-in workload, with inputs
 * from a JSON file (`--inputs file.json`) or the numbers 0…N-1 (`--items N`).
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, extname, resolve } from 'node:path';
import type { Workload } from '../contract/workload.js';
import { InputError } from '../errors.js';
import { itemsProblem } from '../orchestrate/limits.js';
import { toTaskRef } from '../unit-kit/load-task.js';
import { checkPythonTask } from './python-task.js';
import { probeTask } from './task-probe.js';

export interface CustomWorkloadOptions {
  /** The task module, as the user typed it (relative to `cwd`, or absolute). */
  readonly taskPath: string;
  /** A JSON file holding an array: one element per item. */
  readonly inputsFile?: string;
  /** Run the inputs 0, 1, …, items-1. */
  readonly items?: number;
  /** Where relative paths start. */
  readonly cwd: string;
  /** One line for the user while the task module takes long to import (a second or more). */
  readonly onNotice?: (line: string) => void;
}

const TYPESCRIPT = new Set(['.ts', '.mts', '.cts', '.tsx']);

/** Check the task module and the inputs, then describe them as a workload named after the task file. */
export async function customWorkload(options: CustomWorkloadOptions): Promise<Workload> {
  const taskFile = resolve(options.cwd, options.taskPath);
  if (await isDirectory(taskFile))
    throw new InputError(
      `--task ${options.taskPath}: is a folder (${taskFile}); name the task module file inside it, e.g. --task ${options.taskPath.replace(/\/$/, '')}/task.mjs`,
    );
  if (!(await isFile(taskFile)))
    throw new InputError(
      `--task ${options.taskPath}: no such file (looked for ${taskFile}); give the path of an ES module whose default export is defineTask({...})`,
    );
  const ref = toTaskRef(taskFile);
  if (extname(taskFile) === '.py') return pythonWorkload(taskFile, ref, options);
  // In a child process: the module's top level is the user's code, and may exit, spin or wait for ever.
  const task = await probeTask(ref, {
    onSlow: (waited, limit) =>
      options.onNotice?.(
        `--task ${options.taskPath}: its module is still importing after ${waited / 1000} s; waiting up to ${limit / 1000} s`,
      ),
  });
  if (!task.ok) throw new InputError(`--task ${options.taskPath}: ${taskProblem(taskFile, task.why)}`);
  const inputs = await readInputs(options);
  return {
    name: workloadName(taskFile),
    description: `Your task "${task.name}" from ${options.taskPath}, ${inputs.length} item${inputs.length === 1 ? '' : 's'}`,
    kind: task.kind,
    task: ref,
    params: {},
    inputs: () => inputs,
  };
}

/** A Python task: raced by the strategies of the python runtime only (the others are left out, saying so). */
async function pythonWorkload(
  taskFile: string,
  ref: string,
  options: CustomWorkloadOptions,
): Promise<Workload> {
  const declared = checkPythonTask(taskFile, options.taskPath);
  const inputs = await readInputs(options);
  const kinds = ['cpu', 'io', 'mixed'] as const;
  const kind = kinds.find((k) => k === declared.kind) ?? 'mixed';
  return {
    name: workloadName(taskFile),
    description: `Your Python task "${declared.name ?? basename(taskFile)}" from ${options.taskPath}, ${inputs.length} item${inputs.length === 1 ? '' : 's'}`,
    kind,
    tasks: { python: ref },
    params: {},
    inputs: () => inputs,
  };
}

async function readInputs(options: CustomWorkloadOptions): Promise<readonly unknown[]> {
  const { inputsFile, items } = options;
  if (inputsFile !== undefined && items !== undefined)
    throw new InputError(
      '--inputs and --items both given; use one: a JSON array file, or a count N for inputs 0…N-1',
    );
  if (items !== undefined) {
    if (!Number.isSafeInteger(items) || items < 1)
      throw new InputError(`--items must be a positive integer, got ${JSON.stringify(items)}`);
    // Before the inputs are made: an array of billions would take every byte before any check could run.
    const problem = itemsProblem(items, 1);
    if (problem) throw new InputError(`--items ${items}: ${problem}`);
    return Array.from({ length: items }, (_, i) => i);
  }
  if (inputsFile === undefined)
    throw new InputError(
      '--task needs its inputs: --inputs file.json (a JSON array) or --items N (inputs 0…N-1)',
    );
  const file = resolve(options.cwd, inputsFile);
  if (await isDirectory(file))
    throw new InputError(
      `--inputs ${inputsFile}: is a folder (${file}); give a JSON file holding an array, e.g. --inputs ${inputsFile.replace(/\/$/, '')}/inputs.json`,
    );
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new InputError(
      `--inputs ${inputsFile}: no such readable file (looked for ${file}); give a JSON file holding an array`,
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const why = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new InputError(
      `--inputs ${inputsFile} is not valid JSON (${why}); it must hold an array such as [1, 2, 3]`,
    );
  }
  if (!Array.isArray(parsed))
    throw new InputError(
      `--inputs ${inputsFile} must hold a JSON array (one element per item), got ${parsed === null ? 'null' : typeof parsed}`,
    );
  if (parsed.length === 0)
    throw new InputError(`--inputs ${inputsFile} holds an empty array; give at least one item`);
  return parsed;
}

/** Why the task module failed to load, with the fix; TypeScript on a Node that cannot strip types says so. */
function taskProblem(taskFile: string, why: string): string {
  if (TYPESCRIPT.has(extname(taskFile)) && /Unknown file extension/i.test(why))
    return `this Node (${process.version}) cannot load TypeScript directly; compile it to .js first (tsc) and pass that, or use Node ≥ 22.6 with --experimental-strip-types`;
  return why;
}

/** "My Task.mjs" → "my-task": a workload name as `concur run` and reports expect it. */
function workloadName(taskFile: string): string {
  const stem = basename(taskFile, extname(taskFile))
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[^a-z0-9]+/, '');
  return stem === '' ? 'custom-task' : stem;
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
