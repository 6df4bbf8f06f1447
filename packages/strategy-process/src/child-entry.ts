/**
 * The entry file every unit forks: `node child-entry.js <task ref> <unit slot> [<engine pid>]`, the pid
 * given when the kernel kills this process with its engine (see parent-death.ts). It is the unit kit's
 * `serveUnit` over this process's IPC channel.
 */
import { sampleSelf } from './sample-self.js';

/** At most this many progress messages per second reach the engine, whatever the task does. */
const PROGRESS_INTERVAL_MS = 50;

const [taskRef = '', slot = '0', guardedBy] = process.argv.slice(2);

if (!process.send) {
  console.error(
    'child-entry.js is started by @concur/strategy-process with an IPC channel; do not run it alone',
  );
  process.exit(2);
}

// The engine is gone: nobody waits for results, so stop at once. A main thread stuck in a task never sees
// this event; the kernel's parent-death signal or the watchdog thread (below) covers that case.
process.on('disconnect', () => process.exit(1));

// Only the unit side of core: its main entry (engine, reports, discovery) would make a fresh process
// start several times slower than a bare fork() answers.
const { serveUnit, startOrphanWatchdog, throttledProgress } = await import('@concur/core/runtime');
// Before the task's own code runs: a task's import or setup may spin forever too. A unit the kernel guards
// needs no watchdog, only to know that its engine was still there when setpriv asked the kernel to watch:
// an engine that died before that left this process adopted, and no signal will ever come.
if (guardedBy === undefined) void startOrphanWatchdog({ who: 'this unit' });
else if (process.ppid !== Number(guardedBy)) process.exit(1);

/** The last message handed to IPC: the process ends only once it has been written. */
let lastSent: Promise<void> = Promise.resolve();

function send(message: unknown): void {
  let written: () => void = () => {};
  const sent = new Promise<void>((resolve) => (written = resolve));
  // Throws synchronously when the message cannot be serialised, which the kit relies on.
  process.send?.(message, undefined, undefined, () => written());
  lastSent = sent;
}

await serveUnit(
  {
    send,
    listen: (handler) => process.on('message', handler),
    peer: 'the engine',
    progress: throttledProgress((fraction) => send({ t: 'progress', fraction }), PROGRESS_INTERVAL_MS),
    figures: sampleSelf,
    // Exit explicitly once the last word is written: a task may leave timers or sockets open.
    end: (code) => void lastSent.then(() => process.exit(code)),
  },
  { task: taskRef, unit: Number(slot) },
);
