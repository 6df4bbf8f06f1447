/**
 * One Python interpreter running python/concur_host.py, and the channel to it: two extra pipes (the engine
 * writes to the host's fd 3 and reads its fd 4) carrying one JSON document per line, so that what a task
 * prints stays on stdout and stderr. A host serves one unit (python-process) or many (python-thread,
 * python-asyncio); every message names its unit, and each unit's handlers hear only their own.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { type FromUnit, OutputCapture, type ToUnit } from '@concur/core/runtime';
import { toJsonLine } from './json-line.js';

const HOST = fileURLToPath(new URL('../python/concur_host.py', import.meta.url));
/** After SIGTERM, how long the interpreter may take before SIGKILL. */
const KILL_GRACE_MS = 1_000;
/** After the interpreter exits, how long to wait for the last lines and output still in the pipes. */
const DRAIN_MS = 250;

export type HostMode = 'process' | 'thread' | 'asyncio';

/** What one unit of a host is told. */
export interface UnitHandlers {
  receive(message: FromUnit): void;
  /**
   * The unit ended: alone (`alone`, by its own `sys.exit` in a shared interpreter), or with the whole
   * interpreter (a code or a signal).
   */
  ended(code: number | null, signal: string | null, alone: boolean): void;
  output(stream: 'stdout' | 'stderr', text: string): void;
}

/** Lines from the host: a unit's message, the end of a unit, or what a unit printed. */
type FromHost =
  | { readonly from: number; readonly m: FromUnit }
  | { readonly from: number; readonly exit: number }
  | { readonly out: number; readonly s: 'stdout' | 'stderr'; readonly text: string };

export class HostProcess {
  readonly pid: number | undefined;
  /** Settles once the interpreter has exited and its pipes are drained. */
  readonly gone: Promise<void>;
  private readonly child: ChildProcess;
  /** The host's fd 3: lines to it. */
  private readonly toHost: Writable | null;
  private readonly units = new Map<number, UnitHandlers>();
  private nextKey = 1;
  private owner: number | undefined;
  private stoppedByEngine = false;
  private retired = false;
  private exit: { code: number | null; signal: string | null } | undefined;
  readonly output: OutputCapture;

  constructor(
    readonly mode: HostMode,
    readonly bin: string,
    maxOutputBytes: number,
    private readonly onGone: () => void = () => {},
  ) {
    this.child = spawn(bin, ['-u', HOST, '--mode', mode], {
      stdio: ['ignore', 'pipe', 'pipe', 'pipe', 'pipe'],
      // The host's own modules come before the task's folder on sys.path: PYTHONSAFEPATH needs 3.11, so -I is not used.
      env: { ...process.env, PYTHONUNBUFFERED: '1', PYTHONDONTWRITEBYTECODE: '1' },
    });
    this.pid = this.child.pid;
    // What the interpreter prints outside any unit (a crash of the host, a C extension's stderr) goes to the
    // unit that owns the process, whose output it most likely is.
    this.output = new OutputCapture(
      this.child,
      (stream, text) => this.ownerHandlers()?.output(stream, text),
      maxOutputBytes,
    );
    const exited = new Promise<void>((resolve) =>
      this.child.once('exit', (code, signal) => {
        this.exit = { code, signal };
        resolve();
      }),
    );
    this.child.on('error', (error) => {
      // spawn failed (the binary vanished since it was probed): every unit hears of it through its stderr tail.
      this.ownerHandlers()?.output('stderr', `could not start ${bin}: ${error.message}\n`);
    });
    this.toHost = this.child.stdio[3] as Writable | null;
    const lines = this.child.stdio[4] as Readable | null;
    let pending = '';
    const linesClosed = new Promise<void>((resolve) => {
      if (!lines) return resolve();
      lines.setEncoding('utf8');
      lines.on('data', (chunk: string) => {
        pending += chunk;
        let newline = pending.indexOf('\n');
        while (newline >= 0) {
          const line = pending.slice(0, newline);
          pending = pending.slice(newline + 1);
          if (line.trim() !== '') this.deliver(JSON.parse(line) as FromHost);
          newline = pending.indexOf('\n');
        }
      });
      lines.on('close', () => resolve());
    });
    this.toHost?.on('error', () => {}); // a write after the host died: its end is heard through 'exit'
    this.gone = exited
      .then(() =>
        Promise.race([
          Promise.all([linesClosed, this.output.drained(DRAIN_MS)]),
          new Promise((resolve) => setTimeout(resolve, DRAIN_MS).unref()),
        ]),
      )
      .then(() => {
        this.onGone();
        const { code, signal } = this.exit ?? { code: null, signal: null };
        for (const handlers of [...this.units.values()]) handlers.ended(code, signal, false);
        this.units.clear();
      });
  }

  /** Whether the engine ended the interpreter itself (terminate), for exit reasons. */
  get killedByEngine(): boolean {
    return this.stoppedByEngine;
  }

  /** How many units the host serves now. */
  get size(): number {
    return this.units.size;
  }

  /** Start a unit on the host; returns its key. The first unit owns the process: it reports its memory. */
  open(task: string, slot: number, handlers: UnitHandlers): number {
    const key = this.nextKey++;
    this.units.set(key, handlers);
    this.owner ??= key;
    this.write({ open: key, task: pythonPath(task), unit: slot, owner: this.owner === key });
    return key;
  }

  /** Send a message to unit `key`. Throws when it cannot travel as JSON (the kit then fails that item alone). */
  post(key: number, message: ToUnit): void {
    const line = toJsonLine({ to: key, m: message });
    if (this.units.has(key)) this.toHost?.write(line);
  }

  /** Whether unit `key` reports the process's memory. */
  owns(key: number): boolean {
    return this.owner === key;
  }

  /**
   * Forget unit `key`: its items are aborted and its thread or coroutines abandoned (Python cannot stop a
   * thread from outside). Once no unit is left, the interpreter itself is ended, which stops them for good.
   */
  async drop(key: number): Promise<void> {
    if (!this.units.delete(key)) return;
    this.write({ drop: key });
    if (this.units.size === 0) await this.terminate();
  }

  /** Whether a new unit may still be opened here: the interpreter runs, is not being ended, nor retired. */
  get usable(): boolean {
    return this.exit === undefined && !this.stoppedByEngine && !this.retired;
  }

  /**
   * Take no new unit: one of this interpreter's units is being killed, and its thread or coroutines may
   * never let go (a loop, a C call holding the GIL). Its replacement starts in a fresh interpreter, and this
   * one ends once its last unit does.
   */
  retire(): void {
    this.retired = true;
  }

  /** End the interpreter now: SIGTERM, then SIGKILL. Resolves once it is gone. */
  async terminate(): Promise<void> {
    if (this.exit === undefined && !this.stoppedByEngine) {
      this.stoppedByEngine = true;
      this.child.kill('SIGTERM');
      const timer = setTimeout(() => this.child.kill('SIGKILL'), KILL_GRACE_MS);
      await this.gone;
      clearTimeout(timer);
    }
    await this.gone;
  }

  private ownerHandlers(): UnitHandlers | undefined {
    return (
      (this.owner !== undefined ? this.units.get(this.owner) : undefined) ?? this.units.values().next().value
    );
  }

  private write(message: object): void {
    if (this.exit === undefined) this.toHost?.write(toJsonLine(message));
  }

  private deliver(line: FromHost): void {
    if ('out' in line) {
      this.units.get(line.out)?.output(line.s, line.text);
      return;
    }
    const handlers = this.units.get(line.from);
    if (!handlers) return;
    if ('exit' in line) {
      this.units.delete(line.from);
      // The last unit of a shared interpreter is not gone until the interpreter is: a close that resolved
      // earlier would leave a process behind its engine's back for a moment.
      if (this.units.size === 0 && this.mode !== 'process')
        void this.terminate().then(() => handlers.ended(line.exit, null, true));
      else handlers.ended(line.exit, null, true);
      return;
    }
    handlers.receive(line.m);
  }
}

/** A task reference as the host imports it: a file URL becomes its path; a module name stays as it is. */
function pythonPath(task: string): string {
  return task.startsWith('file:') ? fileURLToPath(task) : task;
}
