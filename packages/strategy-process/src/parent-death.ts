/**
 * No unit outlives its engine, even one whose main thread is stuck in a task that never yields and so never
 * hears its IPC channel close. Linux can see to that by itself: a process may ask the kernel for a signal
 * the moment its parent dies (prctl PR_SET_PDEATHSIG). Node has no binding for it, but util-linux's
 * `setpriv --pdeathsig KILL` sets it and then executes node in the same process, so a unit forked through
 * it pays one exec. (The kernel watches the thread that forked, not the process: units are forked from the
 * engine's main thread, which lives as long as the engine.) Elsewhere (no setpriv, another OS, or a setpriv
 * too old to know the flag) the unit starts a watchdog thread instead (watchdog.ts), which costs every unit
 * about 25 ms of CPU at start-up and 6–9 MiB for its V8 isolate.
 */
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** The path of setpriv once found; null once known to be missing or unusable. */
let setpriv: string | null | undefined;

/** The setpriv to fork units through, or undefined where units must watch their engine themselves. */
export function parentDeathGuard(): string | undefined {
  if (setpriv === undefined) setpriv = process.platform === 'linux' ? findOnPath('setpriv') : null;
  return setpriv ?? undefined;
}

/** setpriv could not start a unit: every later unit of this process starts with its watchdog thread. */
export function abandonParentDeathGuard(): void {
  setpriv = null;
}

/** fork() options that run node through `guard`: it sets the parent-death signal, then executes node. */
export function guardedFork(guard: string, nodeFlags: readonly string[]) {
  return { execPath: guard, execArgv: ['--pdeathsig', 'KILL', '--', process.execPath, ...nodeFlags] };
}

/** Whether a unit that ended before it was ready was stopped by setpriv itself (it says so on stderr). */
export const setprivRefused = (stderrTail: string): boolean => /^setpriv: /m.test(stderrTail);

function findOnPath(command: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, command);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here: try the next directory
    }
  }
  return null;
}
