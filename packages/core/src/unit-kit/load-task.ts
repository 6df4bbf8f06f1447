import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Task, TaskRef } from '../contract/task.js';
import { taskShapeProblem } from '../contract/task.js';

/** A task module could not be imported or does not export a task. The message names the module and the fix. */
export class TaskLoadError extends Error {
  override name = 'TaskLoadError';
}

/** Turn a path into a file URL so that every execution context imports the same module. */
export function toTaskRef(specifierOrPath: string): TaskRef {
  return isAbsolute(specifierOrPath) ? pathToFileURL(specifierOrPath).href : specifierOrPath;
}

/** Import a task module and check its default export. Used by every strategy inside its units. */
export async function loadTask(ref: TaskRef): Promise<Task> {
  let mod: { default?: unknown };
  try {
    mod = (await import(toTaskRef(ref))) as { default?: unknown };
  } catch (error) {
    const why = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new TaskLoadError(
      `task module ${ref} could not be imported (${why}); check the path and that it is ES module JavaScript Node can load`,
    );
  }
  const problem = taskShapeProblem(mod.default);
  if (problem)
    throw new TaskLoadError(
      `task module ${ref} does not default-export a task (${problem}); export default defineTask({ name, kind, run })`,
    );
  return mod.default as Task;
}
