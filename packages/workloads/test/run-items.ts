import type { Outcome, Workload } from '@concur/core';
import { TaskHost } from '@concur/core/runtime';

/**
 * Run a workload's inputs one at a time through a TaskHost, as a unit would: load the task, set it up,
 * run each item with a context, tear down. Returns each outcome and every progress value reported.
 */
export async function runItems(
  workload: Workload & { readonly task: string },
  inputs: readonly unknown[],
): Promise<{ outcomes: Outcome[]; progress: number[] }> {
  const progress: number[] = [];
  const host = await TaskHost.open(workload.task, 0, (fraction) => progress.push(fraction));
  const outcomes: Outcome[] = [];
  try {
    for (const [index, input] of inputs.entries()) outcomes.push(await host.run({ index, input }));
  } finally {
    await host.close();
  }
  return { outcomes, progress };
}

/** The values of outcomes that must all have succeeded; a failure shows its message. */
export function valuesOf(outcomes: readonly Outcome[]): unknown[] {
  return outcomes.map((outcome) => {
    if (!outcome.ok) throw new Error(`item failed: ${outcome.error.message}`);
    return outcome.value;
  });
}
