/**
 * The task side of the contract: the code that runs inside a unit.
 *
 * A task module's default export is `defineTask({...})`. Every strategy imports the module in its own
 * execution context (a child process, a worker thread, the engine's own event loop), so a task is always
 * referenced by module specifier or file URL — a {@link TaskRef} — never passed as a function.
 */

/** A hint for reports and recommendations: what the task mostly spends its time on. */
export type TaskKind = 'cpu' | 'io' | 'mixed';

/** A module specifier (`my-package/task`) or an absolute file URL (`file:///…/task.mjs`). */
export type TaskRef = string;

/** Given to `setup`, once per unit. */
export interface SetupContext {
  /** The unit's slot number, 0-based. A replacement unit takes the slot of the unit it replaces. */
  readonly unit: number;
}

/** Given to `run`, once per item. */
export interface TaskContext extends SetupContext {
  /**
   * Aborted when the run is cancelled, the item times out or its unit is killed or closed. On every
   * strategy the signal fires first; a unit that must be ended by force is ended a short, bounded grace
   * later (half a second), so a task that honours it can close a file or end a transaction. Long tasks
   * should honour it.
   */
  readonly signal: AbortSignal;
  /**
   * Report how far the current item has got, from 0 to 1. Call it as often as you like: it writes a
   * number the engine reads at its own rate, it never sends a message per call.
   */
  progress(fraction: number): void;
}

export interface Task<Input = unknown, Output = unknown> {
  /** Shown in reports. */
  readonly name: string;
  readonly kind: TaskKind;
  /** Runs once per unit before its first item (open a connection, warm a cache). */
  setup?(ctx: SetupContext): void | Promise<void>;
  /** Runs one item. Input and output must survive structured clone. */
  run(input: Input, ctx: TaskContext): Output | Promise<Output>;
  /** Runs once when the unit closes gracefully. */
  teardown?(): void | Promise<void>;
}

const TASK_KINDS: readonly TaskKind[] = ['cpu', 'io', 'mixed'];

/** Declare a task. Checks the shape at once, so a mistake names itself where it was made. */
export function defineTask<Input, Output>(task: Task<Input, Output>): Task<Input, Output> {
  const problem = taskShapeProblem(task);
  if (problem) throw new TypeError(`defineTask: ${problem}`);
  return task;
}

/** Why `value` is not a task, or undefined when it is one. Shared by defineTask and the task loader. */
export function taskShapeProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return 'expected an object with `name`, `kind` and `run`';
  const task = value as Partial<Task>;
  if (typeof task.name !== 'string' || task.name === '') return '`name` must be a non-empty string';
  if (!TASK_KINDS.includes(task.kind as TaskKind))
    return `\`kind\` must be one of ${TASK_KINDS.join(', ')}, got ${JSON.stringify(task.kind)}`;
  if (typeof task.run !== 'function') return '`run` must be a function';
  if (task.setup !== undefined && typeof task.setup !== 'function') return '`setup` must be a function';
  if (task.teardown !== undefined && typeof task.teardown !== 'function')
    return '`teardown` must be a function';
  return undefined;
}
