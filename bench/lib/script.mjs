// A script of the bench's own (a hand-written baseline, a probe) run in a fresh Node process, as concur's
// engine runs each measured run in a process of its own. The script prints its figures as one JSON line,
// its last line on stdout (terminal escape codes a library leaves on exit aside).
import { execFile } from 'node:child_process';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';

// biome-ignore lint/suspicious/noControlCharactersInRegex: terminal escape sequences start with ESC
const withoutEscapes = (text) => text.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '');

/** Run `file` (a path or file URL) with `args`; resolves with the JSON of its last line on stdout. */
export function runScript(file, args = [], { execArgv = [], env } = {}) {
  const path = file instanceof URL ? fileURLToPath(file) : file;
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [...execArgv, path, ...args],
      { maxBuffer: 16 << 20, ...(env ? { env } : {}) },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`${basename(path)} failed: ${stderr.trim() || error.message}`));
        else
          try {
            resolve(JSON.parse(withoutEscapes(stdout).trim().split('\n').at(-1)));
          } catch {
            reject(new Error(`${basename(path)} printed no figures: ${stdout.slice(-500)}`));
          }
      },
    );
  });
}

/** A script in the bench's tasks folder (hand-written baselines and the tasks concur runs). */
export const taskFile = (file) => new URL(`../tasks/${file}`, import.meta.url);
export const taskUrl = (file) => taskFile(file).href;

/** A probe: a measurement that needs a fresh process of its own (its heap, its RSS, its JIT). */
export const probe = (name, job, options) =>
  runScript(new URL(`../probes/${name}.mjs`, import.meta.url), [JSON.stringify(job)], options);
