/**
 * A Python unit: the unit kit's ChannelUnit over a unit of a Python host. The lifecycle and the bookkeeping
 * are the kit's; what is Python's own is here: which interpreter hosts the unit (its own for python-process,
 * one shared by every unit of the engine for python-thread and python-asyncio), how it is ended, its
 * figures read from /proc while it is busy, and how its end is named.
 */
import { ChannelUnit, type SpawnSpec, type Unit, type UnitSample } from '@concur/core/runtime';
import { type HostMode, HostProcess } from './host-process.js';
import type { PythonOptions } from './options.js';
import { readCpu, readMemory, withOutside } from './proc-figures.js';

const WHERE: Record<HostMode, string> = {
  process: 'a Python process',
  thread: 'a Python thread',
  asyncio: 'a Python coroutine',
};

/** The interpreters shared by the units of this engine, by mode and binary. */
const shared = new Map<string, HostProcess>();

function hostFor(mode: HostMode, options: PythonOptions): HostProcess {
  if (mode === 'process') return new HostProcess(mode, options.bin, options.maxOutputBytes);
  const key = `${mode}\0${options.bin}`;
  const existing = shared.get(key);
  if (existing?.usable) return existing;
  const host = new HostProcess(mode, options.bin, options.maxOutputBytes, () => {
    if (shared.get(key) === host) shared.delete(key);
  });
  shared.set(key, host);
  return host;
}

export async function spawnPythonUnit(
  spec: SpawnSpec,
  mode: HostMode,
  options: PythonOptions,
): Promise<Unit> {
  const host = hostFor(mode, options);
  let key = 0;
  let tid: number | undefined;
  let exitedOnItsOwn = false;
  const printed = boundedOutput(spec, options.maxOutputBytes);

  const unit = new ChannelUnit({
    id:
      mode === 'process'
        ? `pid ${host.pid ?? '?'}`
        : `${mode === 'thread' ? 'thread' : 'task'} ${spec.unit} · pid ${host.pid ?? '?'}`,
    spec,
    where: WHERE[mode],
    scope: 'process',
    transport: {
      post: (message) => host.post(key, message),
      async terminate() {
        if (mode === 'process') await host.terminate();
        else {
          host.retire();
          await host.drop(key);
          // The unit's thread or coroutines are abandoned, not awaited: for the engine, the unit is gone.
          unit.contextEnded(null, null);
        }
      },
    },
    onReady: (info) => {
      const reported = (info as { tid?: unknown } | undefined)?.tid;
      if (typeof reported === 'number') tid = reported;
    },
    measure: (reported, alive) => measure(reported, alive),
    exitReason: ({ code, signal }, fatal, beforeReady) => {
      const said = beforeReady ? host.output.tail.trim().split('\n').at(-1) : undefined;
      const how = exitedOnItsOwn
        ? `ended with sys.exit(${code})`
        : signal
          ? `was killed by ${signal}${signal === 'SIGKILL' && !host.killedByEngine ? " (by the system's out-of-memory killer or another process)" : ''}`
          : `exited with code ${code ?? 'unknown'}`;
      const reason = fatal ? `${how} after ${fatal}` : how;
      return said ? `${reason}: ${said}` : reason;
    },
  });

  /** What /proc says of this unit: its thread's CPU (python-thread), the process's (the others). */
  function measure(reported: UnitSample | undefined, alive: boolean): UnitSample {
    const last = reported ?? { scope: 'process' };
    if (!alive) return last;
    const owner = host.owns(key);
    const memory = owner ? readMemory(host.pid) : undefined;
    let cpu: ReturnType<typeof readCpu>;
    if (mode === 'thread') cpu = tid === undefined ? undefined : readCpu(host.pid, tid);
    // python-asyncio's units share one thread: its process's CPU is counted once, on the unit that owns it.
    else if (owner) cpu = readCpu(host.pid);
    return withOutside(last, { ...cpu, ...memory });
  }

  key = host.open(spec.task, spec.unit, {
    receive: (message) => unit.receive(message),
    ended: (code, signal, alone) => {
      // A unit of a shared host that ended alone did so by its own sys.exit; a host's end is everyone's.
      if (alone) exitedOnItsOwn = true;
      unit.contextEnded(code, signal);
    },
    output: printed,
  });
  await unit.ready;
  if (mode === 'process') return unit;
  // A kill, or a close forced past its grace, may leave a thread or a coroutine that never lets go in the
  // shared interpreter: from then on it takes no new unit (see HostProcess.retire).
  return {
    get id() {
      return unit.id;
    },
    exited: unit.exited,
    run: (item) => unit.run(item),
    sample: () => unit.sample(),
    close: () => unit.close(),
    kill: () => {
      host.retire();
      return unit.kill();
    },
  };
}

/** What a unit printed, forwarded to its spec up to `limit` bytes, then one note instead of the rest. */
function boundedOutput(spec: SpawnSpec, limit: number): (stream: 'stdout' | 'stderr', text: string) => void {
  let bytes = 0;
  let cut = false;
  return (stream, text) => {
    if (cut) return;
    bytes += Buffer.byteLength(text);
    if (bytes <= limit) return spec.output(stream, text);
    cut = true;
    spec.output(
      'stderr',
      `\n[concur: this unit printed more than ${limit} bytes; the rest of its output is dropped (option maxOutputBytes)]\n`,
    );
  };
}
