/**
 * The dashboard in a real terminal, stopped mid-run every way a user can: `q`, Ctrl-C typed (a key, in raw
 * mode), and SIGINT, SIGTERM, SIGHUP sent to concur. Each time concur exits within two seconds, the partial
 * report is written, no process it started is left, and the terminal is given back: the cursor shown and
 * raw mode off (checked with `stty` in the same terminal, right after concur exits).
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { validateReport } from '@concur/core/orchestrate';
import { spawn } from '@lydell/node-pty';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, descendantsOf, tempCwd } from './fixtures/cli/run-concur.js';
import { stillAlive } from './fixtures/faults/fault-run.js';

const SHOW_CURSOR = '\u001b[?25h';
const plain = (text: string) =>
  // biome-ignore lint/suspicious/noControlCharactersInRegex: terminal escape sequences start with ESC
  text.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '');

async function until(what: string, check: () => boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

let cwd: Awaited<ReturnType<typeof tempCwd>>;
beforeAll(async () => {
  cwd = await tempCwd();
});
afterAll(() => cwd.remove());

type Stop = { key: string } | { signal: 'SIGINT' | 'SIGTERM' | 'SIGHUP' };

describe.skipIf(process.platform !== 'linux')('the dashboard stopped mid-run gives the terminal back', () => {
  it.each([
    ['q', { key: 'q' }, 0],
    ['Ctrl-C typed', { key: '\u0003' }, 130],
    ['SIGINT', { signal: 'SIGINT' }, 130],
    ['SIGTERM', { signal: 'SIGTERM' }, 143],
    ['SIGHUP', { signal: 'SIGHUP' }, 129],
  ] as [string, Stop, number][])('%s', async (name, stop, exitCode) => {
    expect(existsSync(BIN), `${BIN} is missing: build @concur/tui first`).toBe(true);
    const reportFile = join(cwd.path, `${name.replace(/\W/g, '-')}.json`);
    const concurArgs = [
      'run',
      'sleep',
      '--param',
      'items=400',
      '--param',
      'ms=50',
      '-s',
      'thread',
      '-c',
      '2',
      '--runs',
      '1',
      '--no-baseline',
      '--json',
      reportFile,
    ];
    // A shell runs concur, then prints its exit status and the terminal's settings from the same terminal.
    const script = `"$@"; echo "concur-exit=$?"; stty -a`;
    const env: Record<string, string> = {};
    for (const [key, value] of Object.entries(process.env))
      if (value !== undefined && key !== 'CI' && key !== 'NO_COLOR') env[key] = value;
    env.TERM = 'xterm-256color';
    const term = spawn('/bin/sh', ['-c', script, 'sh', process.execPath, BIN, ...concurArgs], {
      name: 'xterm-256color',
      cols: 120,
      rows: 40,
      cwd: cwd.path,
      env,
    });
    let output = '';
    term.onData((data) => {
      output += data;
    });
    let shellExited = false;
    term.onExit(() => {
      shellExited = true;
    });
    try {
      let concurPid = Number.NaN;
      let tree: number[] = [];
      await until(
        'items to be done on the live screen',
        () => {
          if (!/done [1-9]\d*\/400/.test(plain(output).slice(-3000))) return false;
          [concurPid = Number.NaN] = descendantsOf(term.pid);
          tree = descendantsOf(concurPid);
          return tree.length >= 1; // the engine process (thread units live inside it)
        },
        60_000,
      );
      const before = output.length;
      const sentAt = Date.now();
      if ('key' in stop) term.write(stop.key);
      else process.kill(concurPid, stop.signal);
      await until('concur to exit', () => output.includes('concur-exit='), 10_000);
      const tookMs = Date.now() - sentAt;
      await until('stty to answer', () => shellExited, 5_000);

      expect(output, output.slice(-2000)).toContain(`concur-exit=${exitCode}`);
      // Liveness with the slack of one terminal round trip: the promise is two seconds.
      expect(tookMs).toBeLessThan(2_500);
      expect(output.slice(before)).toContain(SHOW_CURSOR);
      const settings = output.slice(output.indexOf('concur-exit='));
      // Raw mode off again: line editing and echo are back.
      expect(settings).toMatch(/(^|\s)icanon(\s|$)/m);
      expect(settings).toMatch(/(^|\s)echo(\s|$)/m);
      expect(await stillAlive([concurPid, ...tree], 1_000)).toEqual([]);

      const report = validateReport(JSON.parse(await readFile(reportFile, 'utf8')));
      expect(report.runs.map((run) => run.strategy)).toEqual(['thread']);
      expect(report.cancelled).toBe(true);
      expect(report.runs[0]?.items.done).toBeGreaterThan(0);
    } finally {
      if (!shellExited) term.kill('SIGKILL');
    }
  });
});
