/**
 * The entry file every unit forks: `node child-entry.js <task ref> <unit slot> [<engine pid>]`, the pid
 * given when the kernel kills this process with its engine (see parent-death.ts). It imports the task once
 * (setup once), then runs the items the engine sends over IPC until it is told to close.
 */
import type { DoneResult, FromUnit, ToUnit } from './messages.js';
import { sampleSelf } from './sample-self.js';
import { throttledProgress } from './throttled-progress.js';
import { startOrphanWatchdog } from './watchdog.js';

/** At most this many progress messages per second reach the engine, whatever the task does. */
const PROGRESS_INTERVAL_MS = 50;

const [taskRef = '', slot = '0', guardedBy] = process.argv.slice(2);

function send(message: FromUnit, done?: () => void): void {
  // `process.send` exists: this file only runs forked with an IPC channel (checked below).
  process.send?.(message, undefined, undefined, done);
}

if (!process.send) {
  console.error(
    'child-entry.js is started by @concur/strategy-process with an IPC channel; do not run it alone',
  );
  process.exit(2);
}

// The engine is gone: nobody waits for results, so stop at once. A main thread stuck in a task never sees
// this event; the watchdog thread (below) covers that case.
process.on('disconnect', () => process.exit(1));

// Only the unit side of core: its main entry (engine, reports, discovery) would cost a fresh process
// 100–200 ms, several times what a bare fork() takes to answer.
const { TaskHost, MessageBatch, describeError } = await import('@concur/core/runtime');
// Before the task's own code runs: a task's import or setup may spin forever too. A unit the kernel guards
// needs no watchdog, only to know that its engine was still there when setpriv asked the kernel to watch:
// an engine that died before that left this process adopted, and no signal will ever come.
if (guardedBy === undefined) startOrphanWatchdog();
else if (process.ppid !== Number(guardedBy)) process.exit(1);

// Results go back in batches, one message per turn of the loop: with many items in flight, a message per
// result would cost more CPU than a loopback request itself. A result that cannot travel is replaced by
// a failure that says why.
const results = new MessageBatch<DoneResult>(
  (batch) => send({ type: 'done', results: batch }),
  ({ id, outcome }, error) =>
    send({
      type: 'done',
      results: [
        {
          id,
          outcome: {
            ok: false,
            error: {
              kind: 'not-cloneable',
              message: `the task's result cannot be sent back to the engine (${describeError(error).message})`,
            },
            serviceMs: outcome.serviceMs,
          },
        },
      ],
    }),
  setImmediate,
);

// Name the error before Node prints it and exits with code 1, so the engine can say why the unit died.
process.on('uncaughtExceptionMonitor', (error) => {
  results.flush(); // what already settled is reported as done, not lost with the unit
  send({ type: 'fatal', message: `uncaught ${describeError(error).message}` });
});

const reportProgress = throttledProgress(
  (fraction) => send({ type: 'progress', fraction }),
  PROGRESS_INTERVAL_MS,
);
const host = await TaskHost.open(taskRef, Number(slot), reportProgress).catch((error: unknown) => {
  send({ type: 'setup-failed', message: describeError(error).message }, () => process.exit(1));
  return new Promise<never>(() => {}); // The exit above ends this process; nothing below runs.
});

async function runItem(id: number, input: unknown): Promise<void> {
  results.add({ id, outcome: await host.run({ index: id, input }) });
}

async function close(): Promise<void> {
  try {
    await host.close();
  } catch (error) {
    console.error(`teardown failed: ${describeError(error).message}`);
  }
  results.flush();
  // Exit explicitly: a task may leave timers or sockets open that would keep this process alive.
  send({ type: 'closed', sample: sampleSelf() }, () => process.exit(0));
}

process.on('message', (message: ToUnit) => {
  switch (message.type) {
    case 'run':
      for (const { id, input } of message.items) void runItem(id, input);
      break;
    case 'sample':
      send({ type: 'sample', sample: sampleSelf() });
      break;
    case 'close':
      void close();
      break;
  }
});
send({ type: 'ready' });
