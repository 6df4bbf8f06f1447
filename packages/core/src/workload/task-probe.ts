/**
 * Read a user's task module (its name and kind) without letting its top level take concur with it: the
 * module is imported in a child process with a time limit. A module that calls process.exit, loops for
 * ever, or awaits something that never settles at its top level gets one line saying which it did.
 */
import { fork } from 'node:child_process';
import type { TaskKind, TaskRef } from '../contract/task.js';

// From the build, whether this module runs from src (tests) or dist: a child process needs JavaScript.
const ENTRY = new URL('../../dist/workload/task-probe-entry.js', import.meta.url);

/** How long a task module may take to import. As for plugins: importing is not the place to work. */
export const TASK_IMPORT_TIMEOUT_MS = 10_000;

export type TaskProbeReply =
  | { readonly kind: 'loaded'; readonly name: string; readonly taskKind: TaskKind }
  | { readonly kind: 'failed'; readonly message: string };

export type TaskProbe =
  | { readonly ok: true; readonly name: string; readonly kind: TaskKind }
  /** `why` completes "the task module …": what it did, and the fix. */
  | { readonly ok: false; readonly why: string };

/** Node's exit status when the main module's top-level await can never settle. */
const UNSETTLED_TOP_LEVEL_AWAIT = 13;

/** After this long, a module still importing is worth a word: the user would otherwise wait in silence. */
const SLOW_IMPORT_MS = 1_000;

export interface ProbeOptions {
  readonly timeoutMs?: number;
  /** Told once, a second into an import that has not finished, how long the wait may last. */
  readonly onSlow?: (waitedMs: number, limitMs: number) => void;
}

export function probeTask(ref: TaskRef, options: ProbeOptions = {}): Promise<TaskProbe> {
  const timeoutMs = options.timeoutMs ?? TASK_IMPORT_TIMEOUT_MS;
  // No inherited execArgv, as the engine forks it: the module is loaded here as the units will load it.
  const child = fork(ENTRY, [ref], {
    serialization: 'advanced',
    stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
    execArgv: [],
  });
  return new Promise<TaskProbe>((resolve) => {
    let settled = false;
    const slow = setTimeout(() => options.onSlow?.(SLOW_IMPORT_MS, timeoutMs), SLOW_IMPORT_MS);
    const finish = (probe: TaskProbe) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearTimeout(slow);
      resolve(probe);
    };
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      finish({
        ok: false,
        why: `did not finish importing within ${timeoutMs / 1000} s (a loop or a wait at the top level of the module?); do the work in run() or setup(), not when the module loads`,
      });
    }, timeoutMs);
    child.on('message', (reply: TaskProbeReply) =>
      finish(
        reply.kind === 'loaded'
          ? { ok: true, name: reply.name, kind: reply.taskKind }
          : { ok: false, why: reply.message },
      ),
    );
    child.on('error', (error) =>
      finish({ ok: false, why: `could not be imported in a child process (${error.message})` }),
    );
    child.on('exit', (code, signal) => finish({ ok: false, why: topLevelEnd(code, signal) }));
  });
}

/** The child ended before it could reply: the module's top level ended it. */
function topLevelEnd(code: number | null, signal: NodeJS.Signals | null): string {
  if (code === UNSETTLED_TOP_LEVEL_AWAIT)
    return 'awaits at its top level something that never settles, so it never finishes loading; do not await at the top level, or await something that settles';
  if (signal) return `was killed by ${signal} while it loaded; a task module must not end its process`;
  return `ended its process at its top level (exit code ${code}: process.exit while the module loads?); a task module must not call process.exit`;
}
