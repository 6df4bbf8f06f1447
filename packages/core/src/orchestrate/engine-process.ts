import { type ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';
import type { LiveSnapshot } from '../engine/live-state.js';
import type { OutputChunk, RunRecord } from '../engine/run-record.js';
import { InputError } from '../errors.js';
import { withinMs } from '../unit-kit/wait.js';
import type { EngineJob, FromEngine, ToEngine } from './messages.js';

// From the build, whether this module runs from src (tests) or dist: a child process needs JavaScript.
const ENTRY = new URL('../../dist/orchestrate/engine-entry.js', import.meta.url);

export interface EngineProcessOptions {
  readonly onSnapshot?: (snapshot: LiveSnapshot) => void;
  readonly signal?: AbortSignal;
  /**
   * Stop the run when the engine sends nothing for this long: its event loop is blocked for good (a task
   * that never yields, on a strategy that runs tasks on the engine's own loop).
   */
  readonly stallMs?: number;
  /** After a cancel, how long the engine may take to stop its units and report before it is killed. Default 1 s. */
  readonly killAfterMs?: number;
}

/** The engine ran but could not finish the run (it crashed or was stopped for a stall). */
export class EngineFailure extends Error {
  override name = 'EngineFailure';

  /** `cancelled`: the run was being stopped on request when the engine went, so nothing failed on its own. */
  constructor(
    message: string,
    readonly cancelled = false,
  ) {
    super(message);
  }
}

/** Run one job in a fresh engine process and resolve with its record. */
export function runInEngineProcess(job: EngineJob, options: EngineProcessOptions = {}): Promise<RunRecord> {
  // No inherited execArgv: a test runner's or debugger's flags must not change what is measured.
  const child = fork(ENTRY, [], {
    serialization: 'advanced',
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    execArgv: [],
  });
  const printed: OutputChunk[] = [];
  let printedBytes = 0;
  let printedDropped = false;
  // The end of stderr, kept apart from the bounded log: V8 says there why it ended the process.
  let stderrTail = '';
  const keep = (stream: 'stdout' | 'stderr') => (chunk: Buffer) => {
    if (stream === 'stderr') stderrTail = (stderrTail + chunk.toString()).slice(-4096);
    // What runs on the engine's own loop (async slots, the baseline) prints here; keep it, bounded.
    if (printedBytes > 256 * 1024) {
      printedDropped = true;
      return;
    }
    printedBytes += chunk.length;
    printed.push({ unit: -1, stream, text: chunk.toString() });
  };
  child.stdout?.on('data', keep('stdout'));
  child.stderr?.on('data', keep('stderr'));
  return new Promise<RunRecord>((resolve, reject) => {
    let settled = false;
    let lastHeard = Date.now();
    let stallReason: string | undefined;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearInterval(watchdog);
      options.signal?.removeEventListener('abort', cancel);
      fn();
    };
    let cancelling = false;
    let reported = false;
    const cancel = () => {
      cancelling = true;
      send(child, { kind: 'cancel' });
      // Give the engine time to stop its units and report; then it goes, whatever it is doing.
      setTimeout(() => child.kill('SIGKILL'), options.killAfterMs ?? 1_000).unref();
    };
    const watchdog = setInterval(() => {
      if (options.stallMs && Date.now() - lastHeard > options.stallMs && !stallReason) {
        stallReason = `the engine's event loop was blocked for more than ${Math.round(options.stallMs / 1000)} s (a task that never yields, on a strategy that runs tasks on the engine's own loop); the run was stopped`;
        child.kill('SIGKILL');
      }
    }, 250);
    watchdog.unref();
    options.signal?.addEventListener('abort', cancel, { once: true });
    if (options.signal?.aborted) cancel();

    child.on('message', (message: FromEngine) => {
      // A snapshot sent from a blocked loop (a task's progress) is no sign the loop turns: count from when
      // the engine says it last did, so a task that reports progress while never yielding is stopped too.
      lastHeard = Date.now() - (message.kind === 'snapshot' ? (message.snapshot.loopBlockedMs ?? 0) : 0);
      if (message.kind === 'snapshot') options.onSnapshot?.(message.snapshot);
      else if (message.kind === 'done') {
        const record = message.record;
        reported = true;
        // The engine may still be writing what a task printed last: read it before handing the record on.
        void withinMs(
          once(child, 'close').catch(() => {}),
          1_000,
        ).then(() =>
          finish(() =>
            resolve({
              ...record,
              output: [...printed, ...record.output],
              outputTruncated: record.outputTruncated || printedDropped,
            }),
          ),
        );
      } else
        finish(() =>
          reject(message.badInput ? new InputError(message.message) : new EngineFailure(message.message)),
        );
    });
    child.on('error', (error) =>
      finish(() => reject(new EngineFailure(`engine process failed: ${error.message}`))),
    );
    child.on('exit', (code, signal) => {
      if (reported) return; // exited after its record: the 'done' branch finishes
      // 'exit' can come before the last messages (a large record takes a while to read) and before V8's
      // last words on stderr: wait for the channel and stderr to close (bounded) before calling it a crash.
      const drained = Promise.all([
        child.connected ? once(child, 'disconnect') : undefined,
        child.stderr?.readableEnded === false ? once(child.stderr, 'end') : undefined,
      ]);
      void withinMs(
        drained.catch(() => {}),
        5_000,
      ).then(() => {
        if (reported) return;
        const how =
          stallReason ?? `the engine process ${engineEnd(code, signal, stderrTail)} before finishing the run`;
        finish(() => reject(new EngineFailure(how, cancelling)));
      });
    });
    send(child, { kind: 'start', job });
  });
}

const OUT_OF_MEMORY = /JavaScript heap out of memory|Reached heap limit|Allocation failed/;

/** How the engine process ended, naming the likely cause where its exit tells one. */
function engineEnd(code: number | null, signal: NodeJS.Signals | null, stderrTail: string): string {
  if (OUT_OF_MEMORY.test(stderrTail)) return 'ran out of memory (JavaScript heap out of memory)';
  if (signal) return `was killed by ${signal}`;
  // Only a task running on the engine's own loop (the async strategy, the baseline) can end it this way.
  if (code === 0)
    return 'exited with code 0 (a task running in the engine process, as on the async strategy, called process.exit)';
  return `exited with code ${code}`;
}

function send(child: ChildProcess, message: ToEngine): void {
  if (child.connected) child.send(message);
}
