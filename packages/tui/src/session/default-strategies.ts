/**
 * The strategies a comparison races when nobody names any: every one that has a task for the workload in
 * its runtime — only the Node.js ones where the workload has a Node.js task. A strategy of another runtime
 * (python-*) then races only when named: the built-in workloads are sized for Node, and the same work takes
 * a slower runtime minutes.
 */
import { NODE_RUNTIME, taskFor, type Workload } from '@concur/core';
import { type LoadedStrategy, runtimeOf } from '@concur/core/orchestrate';

export function defaultStrategies(
  strategies: readonly LoadedStrategy[],
  workload: Workload | undefined,
): { chosen: LoadedStrategy[]; notNamed: LoadedStrategy[] } {
  if (!workload) return { chosen: [...strategies], notNamed: [] };
  const nodeTask = taskFor(workload, NODE_RUNTIME) !== undefined;
  const hasTask = (s: LoadedStrategy) => taskFor(workload, runtimeOf(s.strategy)) !== undefined;
  const races = (s: LoadedStrategy) => (nodeTask ? runtimeOf(s.strategy) === NODE_RUNTIME : hasTask(s));
  return { chosen: strategies.filter(races), notNamed: strategies.filter((s) => !races(s) && hasTask(s)) };
}
