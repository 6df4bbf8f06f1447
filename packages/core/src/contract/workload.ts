/**
 * The main side of a comparison: which task, with which inputs and parameters, and which services
 * (a loopback HTTP server…) must be running while it is measured.
 */
import type { TaskKind, TaskRef } from './task.js';

export type ParamValue = string | number | boolean;

/** One documented parameter a user can set with `--param name=value`. */
export interface ParamSpec {
  readonly type: 'integer' | 'number' | 'string' | 'boolean';
  readonly default: ParamValue;
  readonly description: string;
  /** For numbers: the smallest accepted value. */
  readonly min?: number;
}

export type Params = Readonly<Record<string, ParamValue>>;

/**
 * Something the workload needs running while it is measured. The module's default export is
 * `defineService(...)`; concur starts it in a process of its own, so it never silently shares an event
 * loop or a core with the strategy under test.
 */
export interface ServiceUse {
  /** Module specifier or file URL of the service module. */
  readonly module: string;
  /** Options for the service, derived from the workload's params. Return undefined to not start it. */
  options?(params: Params): Readonly<Record<string, unknown>> | undefined;
}

/** What started services tell the workload, by service name: e.g. `{ server: { url: 'http://127.0.0.1:4312' } }`. */
export type ServiceInfo = Readonly<Record<string, Readonly<Record<string, unknown>>>>;

export interface Workload {
  /** What users type after `concur run`. */
  readonly name: string;
  readonly description: string;
  readonly kind: TaskKind;
  /** The task Node's strategies run; absent for a workload whose tasks are all in other runtimes (`tasks`). */
  readonly task?: TaskRef;
  /**
   * The same task for other runtimes, by the name a strategy gives as its `runtime` (`python: 'file:///…/sum.py'`).
   * A strategy whose runtime has no task here is left out of the comparison with one line saying so.
   */
  readonly tasks?: Readonly<Record<string, TaskRef>>;
  readonly params: Readonly<Record<string, ParamSpec>>;
  readonly services?: Readonly<Record<string, ServiceUse>>;
  /** The items to run, from the params (already checked against their specs) and the started services. */
  inputs(params: Params, services: ServiceInfo): readonly unknown[] | Promise<readonly unknown[]>;
}

/** The runtime of Node's strategies: a strategy that declares no `runtime` runs its units in it. */
export const NODE_RUNTIME = 'node';

/**
 * The task a strategy of `runtime` runs for this workload, or undefined when it has none: Node's is
 * `task` (or `tasks.node`), any other runtime's is `tasks[runtime]`.
 */
export function taskFor(workload: Workload, runtime: string = NODE_RUNTIME): TaskRef | undefined {
  const own = workload.tasks?.[runtime];
  if (typeof own === 'string') return own;
  return runtime === NODE_RUNTIME ? workload.task : undefined;
}

/** Declare a workload. Checks the shape at once, so a mistake names itself where it was made. */
export function defineWorkload(
  workload: Workload & { readonly task: TaskRef },
): Workload & { readonly task: TaskRef };
export function defineWorkload(workload: Workload): Workload;
export function defineWorkload(workload: Workload): Workload {
  const problem = workloadShapeProblem(workload);
  if (problem) throw new TypeError(`defineWorkload: ${problem}`);
  return workload;
}

export function workloadShapeProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return 'expected a workload object';
  const w = value as Partial<Workload>;
  if (typeof w.name !== 'string' || !/^[a-z0-9][a-z0-9._-]*$/.test(w.name))
    return '`name` must be a lower-case name such as "cpu-sum"';
  if (w.task !== undefined && typeof w.task !== 'string')
    return `workload "${w.name}": \`task\` must be a module specifier or file URL`;
  if (w.task === undefined && Object.keys(w.tasks ?? {}).length === 0)
    return `workload "${w.name}": needs a \`task\` (Node's) or \`tasks\` for other runtimes, such as { python: "file:///…/task.py" }`;
  if (
    w.tasks !== undefined &&
    (typeof w.tasks !== 'object' ||
      w.tasks === null ||
      !Object.values(w.tasks).every((t) => typeof t === 'string'))
  )
    return `workload "${w.name}": \`tasks\` must map runtime names to task references, such as { python: "file:///…/task.py" }`;
  if (typeof w.inputs !== 'function') return `workload "${w.name}": \`inputs(params)\` must be a function`;
  if (typeof w.params !== 'object' || w.params === null)
    return `workload "${w.name}": \`params\` must be an object`;
  return undefined;
}

/** A running service, as its module reports it. */
export interface StartedService {
  /** Handed to the workload's `inputs` (a URL, a port…). Must survive structured clone. */
  readonly info: Readonly<Record<string, unknown>>;
  stop(): Promise<void>;
}

export interface Service {
  readonly name: string;
  start(options: Readonly<Record<string, unknown>>): Promise<StartedService>;
}

export function defineService(service: Service): Service {
  if (typeof service?.start !== 'function')
    throw new TypeError('defineService: `start(options)` must be a function');
  return service;
}
