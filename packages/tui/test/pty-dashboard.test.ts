/**
 * The real thing in a real terminal: `concur` in a pseudo-terminal opens the dashboard, runs the article's
 * CPU experiment (made small), shows live unit rows, and quits on `q` with every process it started gone
 * and the terminal given back.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawn } from '@lydell/node-pty';
import { describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
const DOWN = '\u001b[B';
const BACKSPACE = '\u007f';
const SHOW_CURSOR = '\u001b[?25h';

/** Parent pid of `pid` from /proc/PID/stat, or undefined once it is gone. */
function parentOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: read after its closing one.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[0] === 'Z' ? undefined : Number(fields[1]);
  } catch {
    return undefined;
  }
}

/** Every live process whose chain of parents leads to `root`. */
function descendantsOf(root: number): number[] {
  const pids = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(Number);
  return pids.filter((pid) => {
    let at: number | undefined = pid;
    for (let hops = 0; at !== undefined && at > 1 && hops < 64; hops += 1) {
      at = parentOf(at);
      if (at === root) return true;
    }
    return false;
  });
}

const alive = (pid: number) => parentOf(pid) !== undefined;

const plain = (text: string) =>
  // biome-ignore lint/suspicious/noControlCharactersInRegex: terminal escape sequences start with ESC
  text.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '').replace(/\u001b[()][A-Z0-9]/g, '');

async function until(what: string, check: () => boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * `concur ARGS` in a 120×40 pseudo-terminal, in an empty folder (so only the built-in plugins are found).
 * `env` is laid over this process's environment; a name set to undefined is removed. ink reads CI when it
 * loads and then draws only the last frame, so the callers remove it.
 */
async function inTerminal(args: string[], env: Record<string, string | undefined>) {
  const cwd = await mkdtemp(join(tmpdir(), 'concur-pty-'));
  const merged: Record<string, string> = {};
  for (const [name, value] of Object.entries({ ...process.env, TERM: 'xterm-256color', ...env }))
    if (value !== undefined) merged[name] = value;
  const term = spawn(process.execPath, [BIN, ...args], {
    name: 'xterm-256color',
    cols: 120,
    rows: 40,
    cwd,
    env: merged,
  });
  const session = {
    term,
    output: '',
    exitCode: undefined as number | undefined,
    /** Kill concur if it is still running, and remove its folder. */
    async end() {
      if (session.exitCode === undefined) term.kill('SIGKILL');
      await rm(cwd, { recursive: true, force: true });
    },
  };
  term.onData((data) => {
    session.output += data;
  });
  term.onExit((event) => {
    session.exitCode = event.exitCode;
  });
  return session;
}

describe.skipIf(process.platform !== 'linux')('concur in a terminal', () => {
  it('runs the default experiment with live unit rows and quits on q leaving no process behind', async () => {
    expect(existsSync(BIN), `${BIN} is missing: build @concur/tui first`).toBe(true);
    const session = await inTerminal([], { CI: undefined, NO_COLOR: undefined });
    const { term } = session;
    try {
      await until('the setup screen', () => plain(session.output).includes('Enter start'), 20_000);
      expect(plain(session.output)).toMatch(/● article-cpu/);
      // From article-cpu, past article-io and c10k: items, then n (made smaller so the test stays light);
      // then to runs (1).
      term.write(DOWN.repeat(4));
      await until(
        'the n parameter to be focused',
        () => /›\s+n\s/.test(plain(session.output).slice(-4000)),
        5_000,
      );
      term.write(`${BACKSPACE.repeat(10)}200000000`);
      // Past every strategy listed (the built-ins and the workspace's plugins) and concurrency, to runs.
      const strategies =
        plain(session.output)
          .slice(-4000)
          .match(/\[[x ]\] /g)?.length ?? 0;
      expect(strategies).toBeGreaterThanOrEqual(3);
      term.write(DOWN.repeat(strategies + 2));
      term.write(`${BACKSPACE}1`);
      await until('runs to read 1', () => /›\s+Runs\s+1\b/.test(plain(session.output).slice(-4000)), 5_000);
      term.write('\r');

      // Live rows of units in processes of their own: quit while they run, so stopping them is tested.
      let children: number[] = [];
      await until(
        'the process strategy running its units',
        () => {
          const screen = plain(session.output).slice(-6000);
          if (!/▶ process[\s\S]*\n\s+pid \d+ /.test(screen)) return false;
          children = descendantsOf(term.pid);
          return children.length >= 2; // the engine process and at least one unit
        },
        60_000,
      );
      expect(plain(session.output)).toContain('n               200000000');

      term.write('q');
      await until('concur to exit', () => session.exitCode !== undefined, 30_000);
      expect(session.exitCode).toBe(0);
      // The run was stopped, not waited for, and what was measured is left on the screen.
      expect(plain(session.output.slice(session.output.lastIndexOf('▶ process')))).toContain(
        'stopped early: these are partial results',
      );
      expect(session.output.lastIndexOf(SHOW_CURSOR)).toBeGreaterThan(session.output.lastIndexOf('pid '));
      expect(children.filter(alive)).toEqual([]);
      expect(descendantsOf(term.pid)).toEqual([]);
    } finally {
      await session.end();
    }
  }, 120_000);

  it('honours NO_COLOR: no colour codes at all, and the live bars drawn with block characters', async () => {
    const args = ['run', 'sleep', '-p', 'items=4', '-p', 'ms=3000', '--strategies', 'process', '--runs', '1'];
    const session = await inTerminal([...args, '--no-baseline'], {
      CI: undefined,
      FORCE_COLOR: undefined,
      NO_COLOR: '1',
    });
    const { term } = session;
    try {
      await until(
        'a live row with its bar',
        () => /pid \d+ +[█▏▎▍▌▋▊▉]*░{5,}/.test(plain(session.output)),
        30_000,
      );
      term.write('q');
      await until('concur to exit', () => session.exitCode !== undefined, 30_000);
      // biome-ignore lint/suspicious/noControlCharactersInRegex: SGR sequences start with ESC
      expect(session.output.match(/\u001b\[[0-9;]*m/g) ?? []).toEqual([]);
    } finally {
      await session.end();
    }
  }, 60_000);
});
