/**
 * The processes this one started, and theirs, read from /proc (Linux). Node has no API for a process's
 * children; this is the last resort when stopping politely took too long.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** Every live descendant of `pid`, parents before children; empty where /proc is not there. */
export function descendantsOf(pid: number): number[] {
  const parents = parentTable();
  const found: number[] = [];
  const queue = [pid];
  for (let parent = queue.shift(); parent !== undefined; parent = queue.shift())
    for (const [child, ppid] of parents)
      if (ppid === parent) {
        found.push(child);
        queue.push(child);
      }
  return found;
}

/** SIGKILL every descendant of this process. Returns how many were signalled. */
export function killDescendants(): number {
  let killed = 0;
  for (const pid of descendantsOf(process.pid))
    try {
      process.kill(pid, 'SIGKILL');
      killed += 1;
    } catch {
      // Already gone.
    }
  return killed;
}

function parentTable(): Map<number, number> {
  const table = new Map<number, number>();
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return table;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readStat(entry);
    // "pid (comm) state ppid …": comm may hold spaces and parentheses, so read after the last ")".
    const fields = stat?.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (!fields || fields[0] === 'Z') continue;
    table.set(Number(entry), Number(fields[1]));
  }
  return table;
}

function readStat(pid: string): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
}
