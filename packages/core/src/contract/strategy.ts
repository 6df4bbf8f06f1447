/**
 * The strategy side of the contract: a plugin that only executes. It never schedules, times or
 * aggregates; the engine does that identically for every strategy, which keeps plugins small and the
 * comparison fair.
 */
import type { ProgressCell } from './progress-cell.js';
import type { TaskRef } from './task.js';

/** The contract version this package implements. A strategy declares the one it was written against. */
export const API_VERSION = 1;

/** One item of work: its position in the workload's input list and its structured-clone input. */
export interface WorkItem {
  readonly index: number;
  readonly input: unknown;
}

/** Why an item failed. Strategies use these kinds; the engine adds `timeout`, `cancelled` and `spawn-failed`. */
export type FailureKind =
  | 'threw' // the task threw or rejected
  | 'not-cloneable' // the input or output could not cross to or from the unit
  | 'unit-exited' // the unit died with the item in flight
  | 'killed' // the unit was killed with the item in flight
  | 'timeout'
  | 'cancelled'
  | 'spawn-failed';

export interface Failure {
  readonly kind: FailureKind;
  /** One line a user can act on: "Error: boom", "unit exited with code 3". */
  readonly message: string;
  readonly stack?: string;
  /**
   * Set when this failure also ended the unit: a value that could not be sent back crashed its worker, say.
   * The engine then hands the unit no further item (which would only fail as `unit-exited`) and replaces it.
   */
  readonly unitGone?: boolean;
}

/** What `Unit.run` resolves to. Errors are values: `run` never rejects. */
export type Outcome =
  | { readonly ok: true; readonly value: unknown; readonly serviceMs: number }
  | { readonly ok: false; readonly error: Failure; readonly serviceMs: number };

/** How a unit ended on its own. */
export interface UnitExit {
  readonly code: number | null;
  readonly signal: string | null;
  /** One line: "exited with code 3", "killed by SIGABRT", "ran out of memory (resourceLimits)". */
  readonly reason: string;
}

/**
 * What a unit can tell about itself. Every figure is cumulative since the unit started and optional:
 * report what the platform really measures, never an estimate.
 */
export interface UnitSample {
  /**
   * What the CPU and memory figures cover. `process`: this unit's own OS process (the engine adds them to
   * its totals). `thread`: this unit's own thread inside the engine process. `shared`: the whole engine
   * process, which the unit shares with others (the engine counts these once, never per unit).
   */
  readonly scope: 'process' | 'thread' | 'shared';
  readonly cpuUserMs?: number;
  readonly cpuSystemMs?: number;
  /**
   * Scope `process` only: the CPU time of the process's main thread alone, where its tasks run, apart from
   * the runtime's background threads (compiler, garbage collector), where the platform can tell them apart.
   */
  readonly mainThreadCpuUserMs?: number;
  readonly mainThreadCpuSystemMs?: number;
  readonly rssBytes?: number;
  readonly peakRssBytes?: number;
  readonly heapUsedBytes?: number;
  /** Event-loop utilisation, 0…1, since the unit started. */
  readonly eventLoopUtilization?: number;
  readonly loopDelayP50Ms?: number;
  readonly loopDelayP99Ms?: number;
}

/** Everything a strategy needs to start one unit. */
export interface SpawnSpec {
  /** Slot number, 0-based; a replacement unit gets the slot of the unit it replaces. */
  readonly unit: number;
  /** The task module every item of this unit runs. */
  readonly task: TaskRef;
  /** Write the current item's progress here (or forward it here, throttled). */
  readonly progress: ProgressCell;
  /** How many items the engine may have in flight on this unit at once. */
  readonly inFlight: number;
  /** The user's options for this strategy (`--option key=value`), already checked by `validateOptions`. */
  readonly options: Readonly<Record<string, unknown>>;
  /** Hand over what the task printed, so it never scribbles over the dashboard. */
  output(stream: 'stdout' | 'stderr', text: string): void;
}

/** One unit of execution: a process, a thread, a slot on an event loop, a pooled worker… */
export interface Unit {
  /** Shown on the dashboard: "pid 4121", "thread 3", "slot 17". */
  readonly id: string;
  /**
   * Run one item. Always resolves, never rejects: a task error, an uncloneable value, or the unit dying
   * with the item in flight are all failures in the outcome.
   */
  run(item: WorkItem): Promise<Outcome>;
  /** The unit's own figures now. A closed unit returns its last figures. */
  sample(): UnitSample | Promise<UnitSample>;
  /** Graceful end: runs the task's teardown, then releases the unit. */
  close(): Promise<void>;
  /** Forced end of a busy unit, promptly. Items in flight resolve as `killed` failures. */
  kill(): Promise<void>;
  /**
   * Resolves when the unit dies on its own (a crash, an exit, out of memory). It may stay pending for a
   * unit that cannot die on its own, and its value is ignored after `close` or `kill`.
   */
  readonly exited: Promise<UnitExit>;
}

/** The article's comparison rows, filled in by each strategy. */
export interface Traits {
  /** "Process", "Thread", "Coroutine". */
  readonly unit: string;
  /** "Independent", "Shared (single thread)". */
  readonly memory: string;
  /** Whether units run on several cores at once. */
  readonly parallel: boolean;
  /** "Parallelism", "Concurrency". */
  readonly execution: string;
  /** "CPU-bound work". */
  readonly bestFor: string;
  readonly pros: readonly string[];
  readonly cons: readonly string[];
  /**
   * Whether units run their tasks on the engine's own event loop (slots on one loop, the baseline's plain
   * loop), as opposed to a thread or a process of their own. A task that does not yield then blocks the
   * engine itself: the live screen says that is to be expected for such a strategy. Default false.
   */
  readonly inEngineLoop?: boolean;
}

export interface StrategyMeta {
  /** Unique among loaded strategies: what users type after `--strategies`. */
  readonly name: string;
  readonly version: string;
  /** The {@link API_VERSION} this strategy was written against. */
  readonly apiVersion: number;
}

export interface Strategy {
  readonly meta: StrategyMeta;
  /** The concurrency model: "process", "thread", "async", or a plugin's own word. */
  readonly model: string;
  /** One line for `concur list`. */
  readonly summary: string;
  readonly traits: Traits;
  /** How many units to start when the user does not say. */
  defaultConcurrency(cpus: number): number;
  /**
   * About how much memory one unit takes (a process's or a thread's own heap and runtime), in bytes: the
   * command refuses a --concurrency whose units could not fit in the memory this machine has free, instead
   * of starting them until it runs out. Omitted: no such check.
   */
  readonly unitMemoryBytes?: number;
  /** How many items one unit may take at once (default 1). */
  itemsInFlight?(options: Readonly<Record<string, unknown>>): number;
  /**
   * The runtime its units run tasks in: `node` (the default) or another, such as `python`. A comparison
   * leaves out, with one line, a strategy for which the workload has no task in its runtime.
   */
  readonly runtime?: string;
  /**
   * Why this strategy cannot run here and now (no broker answers, no interpreter found), as one line that
   * names the fix; undefined when it can. `concur list` shows the line, and a run that names the strategy
   * stops with it (exit status 2) before anything starts.
   */
  unavailable?(options: Readonly<Record<string, unknown>>): string | undefined | Promise<string | undefined>;
  /** Check the user's options; return one line naming the bad option and the fix, or undefined. */
  validateOptions?(options: Readonly<Record<string, unknown>>): string | undefined;
  /** Start one unit; resolve when it is ready for its first item (start-up time ends there). */
  spawn(spec: SpawnSpec): Promise<Unit>;
}

/** Declare a strategy. Checks the shape at once, so a mistake names itself where it was made. */
export function defineStrategy(strategy: Strategy): Strategy {
  const problem = strategyShapeProblem(strategy);
  if (problem) throw new TypeError(`defineStrategy: ${problem}`);
  return strategy;
}

/** Why `value` is not a usable strategy, or undefined when it is one. */
export function strategyShapeProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return 'the default export is not a strategy object';
  const s = value as Partial<Strategy>;
  const meta = s.meta as Partial<StrategyMeta> | undefined;
  if (!meta || typeof meta.name !== 'string' || !/^[a-z0-9][a-z0-9._-]*$/.test(meta.name))
    return '`meta.name` must be a lower-case name such as "thread" or "my-pool"';
  if (typeof meta.version !== 'string') return `strategy "${meta.name}": \`meta.version\` must be a string`;
  if (meta.apiVersion !== API_VERSION)
    return `strategy "${meta.name}" was written for contract apiVersion ${String(meta.apiVersion)}, this concur speaks apiVersion ${API_VERSION}; update the plugin`;
  if (typeof s.spawn !== 'function') return `strategy "${meta.name}" has no \`spawn\` function`;
  if (typeof s.defaultConcurrency !== 'function')
    return `strategy "${meta.name}" has no \`defaultConcurrency(cpus)\` function`;
  if (typeof s.model !== 'string' || typeof s.summary !== 'string')
    return `strategy "${meta.name}" needs a \`model\` and a one-line \`summary\``;
  // Traits behind a getter are checked where they are read, not here: a getter may ask the system (which
  // Python is on PATH, say), and every strategy found is checked at start-up, named in the run or not.
  if (!hasGetter(s, 'traits') && (typeof s.traits !== 'object' || s.traits === null))
    return `strategy "${meta.name}" has no \`traits\``;
  return undefined;
}

/** Whether `key` of `object` (or of its prototypes) is an accessor with a getter. */
function hasGetter(object: object, key: string): boolean {
  for (let o: object | null = object; o !== null; o = Object.getPrototypeOf(o) as object | null) {
    const descriptor = Object.getOwnPropertyDescriptor(o, key);
    if (descriptor) return typeof descriptor.get === 'function';
  }
  return false;
}
