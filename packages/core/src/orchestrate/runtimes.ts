/**
 * A comparison across runtimes: each strategy runs the workload's task in its own runtime (Node's module,
 * a Python twin), a strategy whose runtime has no task is left out with one line, and the baseline is a
 * sequential run in one runtime: Node's whenever a Node strategy races (its speedups are what concur has
 * always measured), otherwise the runtime of the strategies that race, run by the first of them with one
 * unit and one item at a time — a sequential run in the same interpreter, the only honest denominator for
 * a Python-only comparison.
 */
import type { Strategy } from '../contract/strategy.js';
import type { TaskRef } from '../contract/task.js';
import { NODE_RUNTIME, taskFor, type Workload } from '../contract/workload.js';

/** The runtime a strategy's units run tasks in. */
export const runtimeOf = (strategy: Strategy): string => strategy.runtime ?? NODE_RUNTIME;

/** "Node.js", "Python": a runtime as a sentence names it. */
export const runtimeLabel = (runtime: string): string =>
  runtime === NODE_RUNTIME ? 'Node.js' : runtime.charAt(0).toUpperCase() + runtime.slice(1);

interface Named {
  readonly name: string;
  readonly strategy: Strategy;
}

export interface TaskChoice<S extends Named> {
  /** The strategies that can race, each with the task of its runtime. */
  readonly runnable: readonly (S & { readonly task: TaskRef; readonly runtime: string })[];
  /** One line per runtime without a task: "python-process, python-thread: cpu-hash has no Python task". */
  readonly leftOut: readonly string[];
}

/** Hand each strategy the task of its runtime; leave out, with one line per runtime, those without one. */
export function chooseTasks<S extends Named>(workload: Workload, strategies: readonly S[]): TaskChoice<S> {
  const runnable: (S & { task: TaskRef; runtime: string })[] = [];
  const missing = new Map<string, string[]>();
  for (const choice of strategies) {
    const runtime = runtimeOf(choice.strategy);
    const task = taskFor(workload, runtime);
    if (task !== undefined) runnable.push({ ...choice, task, runtime });
    else missing.set(runtime, [...(missing.get(runtime) ?? []), choice.name]);
  }
  const leftOut = [...missing].map(
    ([runtime, names]) =>
      `${names.join(', ')}: ${workload.name} has no ${runtimeLabel(runtime)} task; left out of this comparison`,
  );
  return { runnable, leftOut };
}

/** Where the sequential baseline runs: in Node (`strategy` undefined), or by one strategy of another runtime. */
export interface BaselineChoice<S extends Named> {
  readonly runtime: string;
  readonly task: TaskRef;
  readonly strategy?: TaskChoice<S>['runnable'][number];
}

export function chooseBaseline<S extends Named>(
  workload: Workload,
  runnable: TaskChoice<S>['runnable'],
): BaselineChoice<S> | undefined {
  const node = taskFor(workload, NODE_RUNTIME);
  if (node !== undefined && (runnable.length === 0 || runnable.some((s) => s.runtime === NODE_RUNTIME)))
    return { runtime: NODE_RUNTIME, task: node };
  const first = runnable[0];
  return first ? { runtime: first.runtime, task: first.task, strategy: first } : undefined;
}

/**
 * A strategy's options: those given for its runtime (`--option python.bin=…` reaches every python-*
 * strategy), then its own, which win.
 */
export function optionsFor(
  all: Readonly<Record<string, Readonly<Record<string, unknown>>>> | undefined,
  name: string,
  runtime: string,
): Readonly<Record<string, unknown>> {
  const shared = runtime !== NODE_RUNTIME && runtime !== name ? all?.[runtime] : undefined;
  return { ...shared, ...all?.[name] };
}
