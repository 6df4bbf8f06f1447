/**
 * The tests need a Python 3.8+ interpreter. Where there is none and CI is not set, a test file skips, with
 * one line saying why; on CI a missing interpreter fails, so a broken image is never mistaken for a pass.
 */
import { probeInterpreter } from '../src/interpreter.js';

const probe = probeInterpreter();

export const pythonMissing: string | undefined = probe.ok ? undefined : probe.problem;

if (pythonMissing && process.env.CI)
  throw new Error(`CI is set, and the python-* tests cannot run: ${pythonMissing}`);
if (pythonMissing) console.warn(`skipping the python-* tests: ${pythonMissing}`);
