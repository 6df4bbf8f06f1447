/**
 * Which Python the units run: `python3` on PATH unless `--option python.bin=PATH` names another, asked once
 * for its version and whether it has the GIL (`sys._is_gil_enabled()` on 3.13 and later; older ones always
 * do). The strategies' traits and `unavailable` line come from this answer, not from a guess.
 */
import { spawnSync } from 'node:child_process';

export interface Interpreter {
  readonly bin: string;
  /** "3.11.7". */
  readonly version: string;
  /** False on a free-threaded build running without the GIL (python3.13t, say). */
  readonly gil: boolean;
}

export type Probe =
  | { readonly ok: true; readonly interpreter: Interpreter }
  | { readonly ok: false; readonly problem: string };

export const DEFAULT_BIN = 'python3';
const MINIMUM = [3, 8] as const;
const PROBE_TIMEOUT_MS = 10_000;
const SCRIPT = [
  'import json, sys',
  'gil = getattr(sys, "_is_gil_enabled", None)',
  'print(json.dumps({"version": sys.version.split()[0], "major": sys.version_info[0], "minor": sys.version_info[1], "gil": gil() if gil else True}))',
].join('\n');

const probes = new Map<string, Probe>();

/** What `bin` is, asked once per process and remembered. */
export function probeInterpreter(bin: string = DEFAULT_BIN): Probe {
  let probe = probes.get(bin);
  if (!probe) {
    probe = ask(bin);
    probes.set(bin, probe);
  }
  return probe;
}

const fix = 'install Python 3.8 or later, or pass --option python.bin=PATH';

function ask(bin: string): Probe {
  const result = spawnSync(bin, ['-c', SCRIPT], { encoding: 'utf8', timeout: PROBE_TIMEOUT_MS });
  const code = (result.error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return { ok: false, problem: `no Python interpreter "${bin}" found: ${fix}` };
  if (code === 'EACCES')
    return { ok: false, problem: `"${bin}" cannot be executed (permission denied): ${fix}` };
  if (result.error || result.status !== 0) {
    const said =
      (result.stderr ?? '').trim().split('\n').at(-1) ||
      result.error?.message ||
      `exit status ${result.status}`;
    return { ok: false, problem: `"${bin}" did not answer as a Python interpreter (${said}): ${fix}` };
  }
  try {
    const answer = JSON.parse(result.stdout) as {
      version: string;
      major: number;
      minor: number;
      gil: boolean;
    };
    if (answer.major < MINIMUM[0] || (answer.major === MINIMUM[0] && answer.minor < MINIMUM[1]))
      return {
        ok: false,
        problem: `"${bin}" is Python ${answer.version}; the python-* strategies need ${MINIMUM.join('.')} or later: ${fix}`,
      };
    return { ok: true, interpreter: { bin, version: answer.version, gil: answer.gil !== false } };
  } catch {
    return { ok: false, problem: `"${bin}" did not answer as a Python interpreter: ${fix}` };
  }
}
