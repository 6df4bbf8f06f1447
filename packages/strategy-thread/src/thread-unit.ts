/**
 * A thread unit: a `Worker` running worker-entry.js, reached over its message port. The lifecycle and the
 * bookkeeping are the unit kit's (ChannelUnit); what is the thread's own is here: how it starts, how it
 * is stopped, its CPU read per thread from /proc, and how its death is named.
 */
import { SHARE_ENV, Worker } from 'node:worker_threads';
import {
  ChannelUnit,
  type FromUnit,
  nodeExitMeaning,
  OutputCapture,
  readThreadCpu,
  type SpawnSpec,
  type ToUnit,
  type Unit,
  type UnitSample,
} from '@concur/core/runtime';
import type { ThreadOptions } from './options.js';
import type { WorkerData } from './worker-data.js';

/**
 * The worker needs JavaScript, which only the build has. Next to the built module it is `./worker-entry.js`;
 * when this file is read from `src` (tests, typecheck), the built entry is in `../dist`.
 */
const WORKER_ENTRY = import.meta.url.endsWith('.ts')
  ? new URL('../dist/worker-entry.js', import.meta.url)
  : new URL('./worker-entry.js', import.meta.url);
/** How long an ended thread's last output may take to arrive. */
const OUTPUT_GRACE_MS = 1_000;

export async function spawnThreadUnit(spec: SpawnSpec, options: ThreadOptions): Promise<Unit> {
  const workerData: WorkerData = {
    task: spec.task,
    unit: spec.unit,
    progressBuffer: spec.progress.buffer,
    progressIndex: spec.progress.index,
  };
  const worker = new Worker(WORKER_ENTRY, {
    workerData,
    stdout: true,
    stderr: true,
    resourceLimits: options.resourceLimits,
    env: options.env === 'share' ? SHARE_ENV : process.env,
    name: `concur unit ${spec.unit}`,
  });
  const output = new OutputCapture(
    worker,
    (stream, text) => spec.output(stream, text),
    options.maxOutputBytes,
  );
  /** The OS thread id, once the worker said it: its CPU time is read from /proc with it. */
  let tid: number | null = null;
  /** The uncaught error the worker died of, as Node reports it on the main side. */
  let fatal: Error | undefined;
  let alive = true;

  const unit = new ChannelUnit({
    id: `thread ${worker.threadId}`,
    spec,
    where: 'a worker thread',
    scope: 'thread',
    transport: {
      // A DataCloneError is thrown from here; a worker that is gone drops the message.
      post: (message: ToUnit) => worker.postMessage(message),
      async terminate() {
        await worker.terminate();
        await outputDelivered();
      },
    },
    onReady: (info) => {
      tid = typeof info === 'number' ? info : null;
    },
    measure: (reported, contextAlive) => measure(reported, contextAlive && alive),
    exitReason: ({ code }, said) => exitReason(code ?? 0, fatal, said, options),
  });

  /** CPU from /proc where it is readable, event-loop use from the main side, heap as the worker reported. */
  function measure(reported: UnitSample | undefined, threadAlive: boolean): UnitSample {
    const cpu = (threadAlive && tid !== null ? readThreadCpu(tid) : undefined) ?? undefined;
    const elu = threadAlive ? worker.performance.eventLoopUtilization().utilization : Number.NaN;
    return {
      ...reported,
      scope: 'thread',
      ...(cpu && { cpuUserMs: cpu.userMs, cpuSystemMs: cpu.systemMs }),
      ...(Number.isFinite(elu) && { eventLoopUtilization: Math.min(1, Math.max(0, elu)) }),
    };
  }

  /** After the thread ends, wait (briefly) for what it printed last, so a close returns with it delivered. */
  const outputDelivered = (): Promise<void> => output.drained(OUTPUT_GRACE_MS);

  worker.on('message', (message: FromUnit) => unit.receive(message));
  worker.on('error', (error: Error) => {
    fatal ??= error;
  });
  worker.on('exit', (code: number) => {
    alive = false;
    void outputDelivered().then(() => unit.contextEnded(code, null));
  });
  await unit.ready;
  return unit;
}

/** One line naming how a worker died on its own. */
function exitReason(
  code: number,
  fatal: Error | undefined,
  said: string | undefined,
  options: ThreadOptions,
): string {
  if ((fatal as { code?: string } | undefined)?.code === 'ERR_WORKER_OUT_OF_MEMORY') {
    const limits = Object.entries(options.resourceLimits).map(([key, mb]) => `${key}=${mb}`);
    return `ran out of memory (ERR_WORKER_OUT_OF_MEMORY${limits.length ? `, resourceLimits ${limits.join(', ')}` : ''})`;
  }
  if (fatal) return `crashed with an uncaught ${`${fatal.name}: ${fatal.message}`.split('\n')[0]}`;
  if (said) return `crashed with an ${said}`;
  const meaning = nodeExitMeaning(code);
  if (meaning) return `exited with code ${code}: ${meaning}`;
  return `exited with code ${code} (process.exit in the worker)`;
}
