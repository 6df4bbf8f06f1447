/**
 * The three things a worker needs from @concur/core: TaskHost, ProgressCell and describeError.
 *
 * Why not `import { TaskHost } from '@concur/core'`: core's main entry also loads the engine, reports,
 * discovery and statistics, and in a fresh worker that module loading costs more than the thread itself
 * (on a busy 2-core machine: a bare worker answered in ~57 ms, one importing core's main entry in ~156 ms,
 * one importing only the task host in ~81 ms). Until core exports a unit-side entry of its own, load those
 * modules from next to core's main entry, and fall back to the main entry should core's layout change.
 */
import type * as Core from '@concur/core';

export type UnitRuntime = Pick<typeof Core, 'TaskHost' | 'ProgressCell' | 'describeError'> & {
  /** Where they came from: the light path, or core's main entry as the fallback. */
  readonly source: 'unit modules' | 'main entry';
};

export async function loadUnitRuntime(): Promise<UnitRuntime> {
  try {
    const main = import.meta.resolve('@concur/core');
    const from = (path: string) => import(new URL(path, main).href);
    // The task host's own imports are requested in the same breath: the loader then reads every file at
    // once instead of one level of the import graph after another.
    const [host, cell, describe] = await Promise.all([
      from('./runtime/task-host.js'),
      from('./contract/progress-cell.js'),
      from('./runtime/describe-error.js'),
      from('./runtime/load-task.js'),
      from('./contract/task.js'),
    ]);
    if (
      typeof host.TaskHost === 'function' &&
      typeof cell.ProgressCell === 'function' &&
      typeof describe.describeError === 'function'
    )
      return {
        TaskHost: host.TaskHost,
        ProgressCell: cell.ProgressCell,
        describeError: describe.describeError,
        source: 'unit modules',
      };
  } catch {
    // Fall through to the main entry: slower to load, always right.
  }
  const { TaskHost, ProgressCell, describeError } = await import('@concur/core');
  return { TaskHost, ProgressCell, describeError, source: 'main entry' };
}
