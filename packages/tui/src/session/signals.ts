/**
 * Ctrl-C, SIGTERM and SIGHUP while concur works: abort the comparison (every unit and service stops, the
 * partial report is written), then leave with 128 + the signal's number. A run that cannot stop at once
 * (an engine busy in a synchronous item) gets a short grace; then its processes are killed, so the partial
 * report can still be written, and shortly after concur leaves whatever is left.
 *
 * `timeout`, a terminal's job control and most supervisors send a signal to concur and then to its whole
 * process group, so concur often hears the same signal twice within milliseconds: a repeat within
 * {@link REPEAT_WINDOW_MS} is the same request. A later signal forces the exit at once. Whenever concur
 * leaves before the comparison has ended on its own, `salvage` first writes what was measured.
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

/** The same signal again within this long is the same request, echoed by a process group. */
export const REPEAT_WINDOW_MS = 1_000;

/** How long concur, done after a signal, waits for that signal's echo from its process group before it exits. */
const ECHO_WAIT_MS = 300;

/** How long a forced or overdue exit waits for `salvage` to write the partial report. */
const SALVAGE_MS = 1_000;

export interface Termination {
  /** Aborted by the first signal. */
  readonly signal: AbortSignal;
  /** The signal that asked concur to stop, if one did. */
  received(): TerminationSignal | undefined;
  /** What to write before a forced or overdue exit (see {@link TrapOptions.salvage}); undefined: nothing. */
  setSalvage(salvage: (() => Promise<unknown>) | undefined): void;
  /**
   * Remove the handlers: from here on a signal ends the process the default way (after a signal, once the
   * window for its echo has passed).
   */
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
  /**
   * Write what was measured so far; called (and given up to a second) before a forced or overdue exit.
   * Reassignable through {@link Termination.setSalvage}, since the run it saves starts after the trap.
   */
  readonly salvage?: () => Promise<unknown>;
}

export function trapTermination(options: TrapOptions = {}): Termination {
  const controller = new AbortController();
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let salvage = options.salvage;
  let first: { signal: TerminationSignal; at: number } | undefined;
  let leaving = false;
  // Stop every process below concur, write what was measured (bounded), then go.
  const leave = (code: number) => {
    if (leaving) return;
    leaving = true;
    killDescendants();
    const saved = salvage ? salvage().catch(() => {}) : Promise.resolve();
    const bound = new Promise<void>((resolve) => setTimeout(resolve, SALVAGE_MS).unref());
    void Promise.race([saved, bound]).then(() => exit(code));
  };
  const handle = (signal: TerminationSignal) => {
    if (first !== undefined) {
      // The echo of the first signal from the process group, not a second request.
      if (signal === first.signal && Date.now() - first.at < REPEAT_WINDOW_MS) return;
      leave(SIGNAL_EXIT[first.signal]);
      return;
    }
    first = { signal, at: Date.now() };
    options.onSignal?.(signal);
    controller.abort(new Error(`stopped by ${signal}`));
    // Unref'd: when cleanup ends in time the process exits on its own and these never fire.
    setTimeout(killDescendants, options.graceMs ?? 1_000).unref();
    setTimeout(() => leave(SIGNAL_EXIT[signal]), options.deadlineMs ?? 1_800).unref();
  };
  const handlers = SIGNALS.map((signal) => [signal, () => handle(signal)] as const);
  for (const [signal, handler] of handlers) process.on(signal, handler);
  return {
    signal: controller.signal,
    received: () => first?.signal,
    setSalvage(next) {
      salvage = next;
    },
    dispose() {
      const remove = () => {
        for (const [signal, handler] of handlers) process.off(signal, handler);
      };
      // The echo from the process group may come after the run has already stopped: until the window
      // closes it must still be heard as the same request, not end concur by the default action. It must
      // not find concur exiting either (a signal during Node's teardown kills it by the default action), so
      // after a signal concur stays a moment for it (a group's echo comes within milliseconds), then goes.
      const echoFor = first ? REPEAT_WINDOW_MS - (Date.now() - first.at) : 0;
      if (echoFor <= 0) return remove();
      setTimeout(remove, echoFor).unref();
      setTimeout(() => {}, Math.min(echoFor, ECHO_WAIT_MS));
    },
  };
}
