/**
 * Ctrl-C, SIGTERM and SIGHUP while concur works: abort the comparison (every unit and service stops, the
 * partial report is written), then leave with 128 + the signal's number. A run that cannot stop at once
 * (an engine busy in a synchronous item) gets a short grace; then its processes are killed, so the partial
 * report can still be written, and shortly after concur leaves whatever is left. A second signal: at once.
 */
import { killDescendants } from './descendants.js';
export type TerminationSignal = 'SIGINT' | 'SIGTERM' | 'SIGHUP';

/** 128 + the signal's number, as shells report a process ended by it. */
export const SIGNAL_EXIT: Readonly<Record<TerminationSignal, number>> = {
  SIGHUP: 129,
  SIGINT: 130,
  SIGTERM: 143,
};

const SIGNALS = Object.keys(SIGNAL_EXIT) as TerminationSignal[];

export interface Termination {
  /** Aborted by the first signal. */
  readonly signal: AbortSignal;
  /** The signal that asked concur to stop, if one did. */
  received(): TerminationSignal | undefined;
  /** Remove the handlers: from here on a signal ends the process the default way. */
  dispose(): void;
}

export interface TrapOptions {
  /** How long units may take to stop after the first signal before their processes are killed. Default 1 000 ms. */
  readonly graceMs?: number;
  /** How long after the first signal concur exits, done or not. Default 1 800 ms. */
  readonly deadlineMs?: number;
  /** Told once, on the first signal (to print "stopping…"). */
  readonly onSignal?: (signal: TerminationSignal) => void;
  /** How to leave when cleanup overruns; the default is process.exit. */
  readonly exit?: (code: number) => void;
}

export function trapTermination(options: TrapOptions = {}): Termination {
  const controller = new AbortController();
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let first: TerminationSignal | undefined;
  const handle = (signal: TerminationSignal) => {
    if (first !== undefined) {
      killDescendants();
      exit(SIGNAL_EXIT[first]);
      return;
    }
    first = signal;
    options.onSignal?.(signal);
    controller.abort(new Error(`stopped by ${signal}`));
    // Unref'd: when cleanup ends in time the process exits on its own and these never fire.
    setTimeout(killDescendants, options.graceMs ?? 1_000).unref();
    setTimeout(() => {
      killDescendants();
      exit(SIGNAL_EXIT[signal]);
    }, options.deadlineMs ?? 1_800).unref();
  };
  const handlers = SIGNALS.map((signal) => [signal, () => handle(signal)] as const);
  for (const [signal, handler] of handlers) process.on(signal, handler);
  return {
    signal: controller.signal,
    received: () => first,
    dispose() {
      for (const [signal, handler] of handlers) process.off(signal, handler);
    },
  };
}
