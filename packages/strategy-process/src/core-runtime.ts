/**
 * The part of @concur/core a unit needs: TaskHost and describeError.
 *
 * `@concur/core`'s main entry also carries the engine, discovery, statistics and reports; importing it
 * costs a fresh process 100–200 ms, several times what a bare `fork()` takes to answer. A unit needs only
 * the task runtime (a few small modules), so it imports that module next to core's entry directly, and
 * falls back to the full entry if core's layout ever changes. Replace by a light `@concur/core/runtime`
 * entry once core exports one.
 */
import type { describeError as DescribeError, TaskHost as TaskHostClass } from '@concur/core';

export interface CoreRuntime {
  readonly TaskHost: typeof TaskHostClass;
  readonly describeError: typeof DescribeError;
}

export async function importCoreRuntime(): Promise<CoreRuntime> {
  const entry = import.meta.resolve('@concur/core');
  try {
    const [host, errors] = await Promise.all([
      import(new URL('./runtime/task-host.js', entry).href) as Promise<Pick<CoreRuntime, 'TaskHost'>>,
      import(new URL('./runtime/describe-error.js', entry).href) as Promise<
        Pick<CoreRuntime, 'describeError'>
      >,
    ]);
    if (typeof host.TaskHost === 'function' && typeof errors.describeError === 'function')
      return { TaskHost: host.TaskHost, describeError: errors.describeError };
  } catch {
    // Core's files moved: take the full entry below.
  }
  return (await import('@concur/core')) as CoreRuntime;
}
