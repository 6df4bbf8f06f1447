/**
 * One line saying how a child process ended, for `UnitExit.reason` and, prefixed with "unit ", for the
 * failures of the items it had in flight.
 */
const OUT_OF_MEMORY = /JavaScript heap out of memory|Reached heap limit|Allocation failed/;

export function exitReason(
  code: number | null,
  signal: NodeJS.Signals | null,
  stderrTail: string,
  fatal: string | undefined,
): string {
  if (OUT_OF_MEMORY.test(stderrTail)) return 'ran out of memory (JavaScript heap out of memory)';
  const how = signal ? `killed by ${signal}` : `exited with code ${code ?? 'unknown'}`;
  if (fatal) return `${how} after an ${fatal}`;
  // Nobody here sent SIGKILL, so the likeliest sender is the system's out-of-memory killer.
  if (signal === 'SIGKILL') return `${how} (by the system's out-of-memory killer or another process)`;
  return how;
}
