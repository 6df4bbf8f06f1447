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

describe.skipIf(process.platform !== 'linux')('concur in a terminal', () => {
  it('runs the default experiment with live unit rows and quits on q leaving no process behind', async () => {
    expect(existsSync(BIN), `${BIN} is missing: build @concur/tui first`).toBe(true);
    // An empty folder: only the built-in plugins are discovered, whatever the checkout holds.
    const cwd = await mkdtemp(join(tmpdir(), 'concur-pty-'));
    const env: Record<string, string> = {};
    for (const [name, value] of Object.entries(process.env))
      if (value !== undefined && name !== 'CI' && name !== 'NO_COLOR') env[name] = value;
    // ink reads CI when it loads and then draws only the last frame.
    env.TERM = 'xterm-256color';
    const term = spawn(process.execPath, [BIN], { name: 'xterm-256color', cols: 120, rows: 40, cwd, env });
    let output = '';
    term.onData((data) => {
      output += data;
    });
    let exitCode: number | undefined;
    term.onExit((event) => {
      exitCode = event.exitCode;
    });
    try {
      await until('the setup screen', () => plain(output).includes('Enter start'), 20_000);
      expect(plain(output)).toMatch(/● article-cpu/);
      // From article-cpu, past article-io and c10k: items, then n (made smaller so the test stays light);
      // then past the three strategies and concurrency to runs (1).
      term.write(DOWN.repeat(4));
      await until('the n parameter to be focused', () => /›\s+n\s/.test(plain(output).slice(-4000)), 5_000);
      term.write(`${BACKSPACE.repeat(10)}200000000`);
      term.write(DOWN.repeat(5));
      term.write(`${BACKSPACE}1`);
      await until('runs to read 1', () => /›\s+Runs\s+1\b/.test(plain(output).slice(-4000)), 5_000);
      term.write('\r');

      // Live rows of units in processes of their own: quit while they run, so stopping them is tested.
      let children: number[] = [];
      await until(
        'the process strategy running its units',
        () => {
          const screen = plain(output).slice(-6000);
          if (!/▶ process[\s\S]*\n\s+pid \d+ /.test(screen)) return false;
          children = descendantsOf(term.pid);
          return children.length >= 2; // the engine process and at least one unit
        },
        60_000,
      );
      expect(plain(output)).toContain('n               200000000');

      term.write('q');
      await until('concur to exit', () => exitCode !== undefined, 30_000);
      expect(exitCode).toBe(0);
      // The run was stopped, not waited for, and what was measured is left on the screen.
      expect(plain(output.slice(output.lastIndexOf('▶ process')))).toContain(
        'stopped early: these are partial results',
      );
      expect(output.lastIndexOf(SHOW_CURSOR)).toBeGreaterThan(output.lastIndexOf('pid '));
      expect(children.filter(alive)).toEqual([]);
      expect(descendantsOf(term.pid)).toEqual([]);
    } finally {
      if (exitCode === undefined) term.kill('SIGKILL');
      await rm(cwd, { recursive: true, force: true });
    }
  }, 120_000);

  it('honours NO_COLOR: no colour codes at all, and the live bars drawn with block characters', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'concur-pty-'));
    const env: Record<string, string> = {};
    for (const [name, value] of Object.entries(process.env))
      if (value !== undefined && name !== 'CI' && name !== 'FORCE_COLOR') env[name] = value;
    Object.assign(env, { TERM: 'xterm-256color', NO_COLOR: '1' });
    const args = ['run', 'sleep', '-p', 'items=4', '-p', 'ms=3000', '--strategies', 'process', '--runs', '1'];
    const term = spawn(process.execPath, [BIN, ...args, '--no-baseline'], {
      name: 'xterm-256color',
      cols: 120,
      rows: 40,
      cwd,
      env,
    });
    let output = '';
    term.onData((data) => {
      output += data;
    });
    let exitCode: number | undefined;
    term.onExit((event) => {
      exitCode = event.exitCode;
    });
    try {
      await until('a live row with its bar', () => /pid \d+ +[█▏▎▍▌▋▊▉]*░{5,}/.test(plain(output)), 30_000);
      term.write('q');
      await until('concur to exit', () => exitCode !== undefined, 30_000);
      // biome-ignore lint/suspicious/noControlCharactersInRegex: SGR sequences start with ESC
      expect(output.match(/\u001b\[[0-9;]*m/g) ?? []).toEqual([]);
    } finally {
      if (exitCode === undefined) term.kill('SIGKILL');
      await rm(cwd, { recursive: true, force: true });
    }
  }, 60_000);
});
