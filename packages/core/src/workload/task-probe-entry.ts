/**
 * `node task-probe-entry.js <task ref>`: import a user's task module and send back its name and kind, or
 * why it could not be loaded. Run in a process of its own, so that a module which exits, spins or waits for
 * ever at its top level does that here, not in concur.
 */
import { loadTask } from '../unit-kit/load-task.js';
import type { TaskProbeReply } from './task-probe.js';

const [ref = ''] = process.argv.slice(2);

function reply(message: TaskProbeReply): void {
  // Leave once the reply is written: the task's module may hold handles open (a timer, a socket).
  process.send?.(message, undefined, {}, () => process.exit(0));
}

try {
  const task = await loadTask(ref);
  reply({ kind: 'loaded', name: task.name, taskKind: task.kind });
} catch (error) {
  reply({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
}
