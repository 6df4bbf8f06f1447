import { nodeExitMeaning } from '@concur/core/runtime';

/**
 * One line saying how a child process ended, for `UnitExit.reason` and, prefixed with "unit ", for the
 * failures of the items it had in flight.
 */
const OUT_OF_MEMORY = /JavaScript heap out of memory|Reached heap limit|Allocation failed/;

export interface ChildEnd {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  /** The end of what the child wrote to stderr: V8 prints why it gave up there. */
  readonly stderrTail: string;
  /** The uncaught exception the child reported before dying, if any. */
  readonly fatal: string | undefined;
  /** Whether the engine sent the signal itself (kill()). */
  readonly killedByEngine: boolean;
}

export function exitReason({ code, signal, stderrTail, fatal, killedByEngine }: ChildEnd): string {
  const abnormal = signal !== null || code !== 0;
  if (abnormal && OUT_OF_MEMORY.test(stderrTail)) return 'ran out of memory (JavaScript heap out of memory)';
  const meaning = signal ? undefined : nodeExitMeaning(code);
  const how = signal
    ? `killed by ${signal}`
    : `exited with code ${code ?? 'unknown'}${meaning ? `: ${meaning}` : ''}`;
  if (fatal) return `${how} after an ${fatal}`;
  // The engine did not send it, so the likeliest sender is the system's out-of-memory killer.
  if (signal === 'SIGKILL' && !killedByEngine)
    return `${how} (by the system's out-of-memory killer or another process)`;
  return how;
}
