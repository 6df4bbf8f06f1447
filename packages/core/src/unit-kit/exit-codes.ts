/**
 * What Node's own exit codes mean, where one explains a unit's death better than the number does
 * (https://nodejs.org/api/process.html#exit-codes). A task's own `process.exit(n)` is left as it is.
 */
export function nodeExitMeaning(code: number | null): string | undefined {
  if (code === 13)
    return "the task's import or setup was still waiting on a promise that never settles, and nothing kept the event loop alive";
  return undefined;
}
