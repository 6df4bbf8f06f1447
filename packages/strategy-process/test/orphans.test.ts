// No orphans: when the engine process is killed with SIGKILL, every unit it forked ends by itself — one
// whose main thread is stuck in an item that never yields, one sleeping, one stuck in its setup. Both
// guards are tried: the kernel's parent-death signal (units forked through setpriv, found on PATH) and,
// where setpriv cannot be found, each unit's watchdog thread.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fixtureTasks } from '@concur/core/testkit';
import { expect, it } from 'vitest';
import { fixture } from './load-strategy.js';

/** The fields of /proc/<pid>/stat after the command name: [state, ppid, …]. */
function stat(pid: number): string[] | undefined {
  try {
    const line = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return line.slice(line.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

/** Alive and not a zombie: a zombie has exited and only waits for its new parent to reap it. */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  return stat(pid)?.[0] !== 'Z';
}

const childrenOf = (parent: number): number[] =>
  readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(Number)
    .filter((pid) => stat(pid)?.[1] === String(parent));

/** The arguments a process was started with, as the kernel has them. */
const argvOf = (pid: number): string[] =>
  readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);

it.skipIf(process.platform !== 'linux').each([
  ['the kernel, through setpriv', process.env.PATH ?? '', true],
  ['a watchdog thread, with no setpriv on PATH', '', false],
])(
  'ends every unit, busy, sleeping or stuck in setup, within about a second of the engine being SIGKILLed: %s',
  async (_guard, path, guardedByKernel) => {
    const engine = spawn(
      process.execPath,
      [
        fileURLToPath(fixture('orphan-engine.mjs')),
        new URL('../dist/index.js', import.meta.url).href,
        fixtureTasks.busyLoop,
        fixtureTasks.interval,
        fixture('spins-in-setup.mjs'),
      ],
      { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, PATH: path } },
    );
    let pids: number[] = [];
    try {
      const [line] = (await once(engine.stdout, 'data')) as [Buffer];
      const { units } = JSON.parse(line.toString()) as { units: string[] };
      pids = childrenOf(engine.pid ?? -1);
      // Every unit the engine reported, plus the one still in its setup.
      expect(pids).toHaveLength(3);
      for (const id of units) expect(pids).toContain(Number(id.replace('pid ', '')));
      expect(pids.every(isAlive)).toBe(true);
      // A unit the kernel guards was told its engine's pid, last on its command line.
      for (const pid of pids) expect(argvOf(pid).at(-1) === String(engine.pid)).toBe(guardedByKernel);

      engine.kill('SIGKILL');
      await once(engine, 'exit');
      const deadline = Date.now() + 2_000;
      while (pids.some(isAlive) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(pids.filter(isAlive)).toEqual([]);
    } finally {
      engine.kill('SIGKILL');
      // Never leave a survivor behind, even when an assertion above failed.
      for (const pid of pids.filter(isAlive)) process.kill(pid, 'SIGKILL');
    }
  },
);
