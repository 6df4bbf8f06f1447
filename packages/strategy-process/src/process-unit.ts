/**
 * A process unit: a forked child running child-entry.js, reached over its IPC channel. The lifecycle and
 * the bookkeeping are the unit kit's (ChannelUnit); what is the process's own is here: how it is forked
 * (through setpriv, so the kernel kills it with its engine), how it is stopped, its figures read from
 * /proc while it is too busy to answer, and how its death is named.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ChannelUnit, type FromUnit, OutputCapture, type SpawnSpec, type Unit } from '@concur/core/runtime';
import { exitReason } from './exit-reason.js';
import type { ProcessOptions } from './options.js';
import { abandonParentDeathGuard, guardedFork, parentDeathGuard, setprivRefused } from './parent-death.js';
import { withProcFigures } from './proc-figures.js';

// Loaded from next to this module: the build puts both in dist/.
const CHILD_ENTRY = fileURLToPath(new URL('./child-entry.js', import.meta.url));
/** After SIGTERM, how long a child may take before SIGKILL. */
const KILL_GRACE_MS = 1000;
/** After the child exits, how long to wait for its last messages and output (a grandchild may hold the pipes). */
const DRAIN_MS = 250;
/** Engine flags a child must not inherit: a second debugger on the same port would stop it starting. */
const NOT_INHERITED = /^--(inspect|debug)/;

export async function spawnProcessUnit(spec: SpawnSpec, options: ProcessOptions): Promise<Unit> {
  const guard = parentDeathGuard();
  const { unit, output } = startChild(spec, options, guard);
  try {
    await unit.ready;
    return unit;
  } catch (error) {
    if (!guard || !setprivRefused(output.tail)) throw error;
    // A setpriv too old to know --pdeathsig, or not allowed to set it: this unit and every later one start
    // with a watchdog thread instead.
    abandonParentDeathGuard();
    return spawnProcessUnit(spec, options);
  }
}

/** Fork the child and put a channel unit on its IPC channel. */
function startChild(spec: SpawnSpec, options: ProcessOptions, guard: string | undefined) {
  const nodeFlags = [...process.execArgv.filter((flag) => !NOT_INHERITED.test(flag)), ...options.execArgv];
  // A guarded child is told this process's pid, to check that its parent was still there when the guard was set.
  const args = [spec.task, String(spec.unit), ...(guard ? [String(process.pid)] : [])];
  const child: ChildProcess = fork(CHILD_ENTRY, args, {
    ...(guard ? guardedFork(guard, nodeFlags) : { execArgv: nodeFlags }),
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    serialization: 'advanced',
  });
  let ready = false;
  let killedByEngine = false;
  const output = new OutputCapture(
    child,
    (stream, text) => {
      // setpriv's refusal is not the task's output: the unit is started again without it.
      if (guard && !ready && stream === 'stderr' && setprivRefused(text)) return;
      spec.output(stream, text);
    },
    options.maxOutputBytes,
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const unit = new ChannelUnit({
    id: `pid ${child.pid ?? '?'}`,
    spec,
    where: 'a child process',
    scope: 'process',
    transport: {
      // A child that has just died fails its items through 'exit'; a refused input throws from here.
      post(message) {
        if (child.connected) child.send(message, (error) => void error);
      },
      async terminate() {
        if (child.exitCode !== null || child.signalCode !== null) return;
        killedByEngine = true;
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), KILL_GRACE_MS);
        await exited;
        clearTimeout(timer);
      },
    },
    onReady: () => {
      ready = true;
    },
    // A child busy in a long item cannot answer, and a killed one never will: the kernel can still tell.
    measure: (reported, alive) =>
      alive
        ? withProcFigures(reported ?? { scope: 'process' }, child.pid)
        : (reported ?? { scope: 'process' }),
    exitReason: ({ code, signal }, fatal, beforeReady) => {
      const reason = exitReason({
        code,
        signal: signal as NodeJS.Signals | null,
        stderrTail: output.tail,
        fatal,
        killedByEngine,
      });
      const said = beforeReady ? output.tail.trim().split('\n').at(-1) : undefined;
      return said ? `${reason}: ${said}` : reason;
    },
  });

  child.on('message', (message: FromUnit) => unit.receive(message));
  child.on('error', (error) => unit.noteFatal(`could not start: ${error.message}`));
  child.once('exit', (code, signal) => {
    // 'exit' can come before the child's last messages and output have been read: let them arrive.
    const disconnected = child.connected
      ? new Promise<void>((resolve) => child.once('disconnect', resolve))
      : Promise.resolve();
    void Promise.all([output.drained(DRAIN_MS), Promise.race([disconnected, output.drained(DRAIN_MS)])]).then(
      () => unit.contextEnded(code, signal),
    );
  });
  return { unit, output };
}
