// No orphans: when the engine process is killed with SIGKILL, every unit it forked ends by itself, even
// one whose main thread is stuck in a loop that never yields.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { fixtureTasks } from '@concur/core/testkit';
import { expect, it } from 'vitest';

/** Alive and not a zombie: a zombie has exited and only waits for its new parent to reap it. */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return process.platform !== 'linux';
  }
}

it('ends every unit, busy or sleeping, within about a second of the engine being SIGKILLed', async () => {
  const engine = spawn(
    process.execPath,
    [
      new URL('./fixtures/orphan-engine.mjs', import.meta.url).pathname,
      new URL('../dist/index.js', import.meta.url).href,
      fixtureTasks.busyLoop,
      fixtureTasks.interval,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let pids: number[] = [];
  try {
    const [line] = (await once(engine.stdout, 'data')) as [Buffer];
    pids = JSON.parse(line.toString()) as number[];
    expect(pids).toHaveLength(2);
    expect(pids.every(isAlive)).toBe(true);

    engine.kill('SIGKILL');
    await once(engine, 'exit');
    const deadline = Date.now() + 2_000;
    while (pids.some(isAlive) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(pids.filter(isAlive)).toEqual([]);
  } finally {
    engine.kill('SIGKILL');
    // Never leave a survivor behind, even when the assertion above failed.
    for (const pid of pids.filter(isAlive)) process.kill(pid, 'SIGKILL');
  }
});
