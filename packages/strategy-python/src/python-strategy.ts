/**
 * The three python-* strategies differ only in how their units live in CPython: a process each, threads in
 * one process, coroutines on one loop. Their traits are the article's rows, with one read from the
 * interpreter found: whether python-thread runs in parallel depends on whether that build has the GIL.
 */
import { defineStrategy, type Strategy, type Traits } from '@concur/core';
import type { HostMode } from './host-process.js';
import { type Interpreter, probeInterpreter } from './interpreter.js';
import { optionsProblem, parseOptions } from './options.js';
import { spawnPythonUnit } from './python-unit.js';

const SUMMARY: Record<HostMode, string> = {
  process:
    "Units are Python processes (the article's multiprocessing.Process): own interpreter, own GIL, parallel.",
  thread:
    "Units are threads in one Python process (the article's threading.Thread): one GIL, unless the build has none.",
  asyncio:
    "Units are coroutines on one Python event loop (the article's asyncio): concurrency on one thread.",
};

function traits(mode: HostMode, interpreter: Interpreter | undefined): Traits {
  const gil = interpreter?.gil ?? true;
  switch (mode) {
    case 'process':
      return {
        unit: 'Process (Python)',
        memory: 'Independent',
        parallel: true,
        execution: 'Parallelism',
        bestFor: 'CPU-bound work',
        pros: ['uses every core', 'each process has its own GIL'],
        cons: ['start-up cost of an interpreter per unit', 'memory per unit', 'values cross as JSON'],
      };
    case 'thread':
      return gil
        ? {
            unit: 'Thread (Python)',
            memory: 'Shared',
            parallel: false,
            execution: 'Concurrency (GIL)',
            bestFor: 'I/O-bound work',
            pros: ['cheap to start', 'shared memory', 'the GIL is released while waiting for I/O'],
            cons: ['not parallel (GIL): one thread runs Python bytecode at a time', 'race conditions'],
          }
        : {
            unit: 'Thread (Python, free-threaded)',
            memory: 'Shared',
            parallel: true,
            execution: 'Parallelism (no GIL)',
            bestFor: 'CPU-bound and I/O-bound work',
            pros: ['parallel: this build runs without the GIL', 'cheap to start', 'shared memory'],
            cons: ['race conditions', 'free-threading is new: some extensions re-enable the GIL'],
          };
    case 'asyncio':
      return {
        unit: 'Coroutine (Python)',
        memory: 'Shared (single thread)',
        parallel: false,
        execution: 'Concurrency',
        bestFor: 'Highly concurrent I/O-bound work',
        pros: ['very cheap per unit', 'no race conditions between awaits'],
        cons: ['not for CPU-bound work: a computing task blocks every coroutine', 'needs async libraries'],
        // The loop is the Python process's, not the engine's: the engine's own loop stays free.
      };
  }
}

export function pythonStrategy(mode: HostMode): Strategy {
  const name = `python-${mode}`;
  /** The binary the strategy was last asked about: its traits describe that interpreter. */
  let bin: string | undefined;
  const interpreter = () => {
    const probe = probeInterpreter(bin);
    return probe.ok ? probe.interpreter : undefined;
  };
  const noted = (options: Readonly<Record<string, unknown>>) => {
    const parsed = parseOptions(name, options);
    bin = parsed.bin;
    return parsed;
  };
  return defineStrategy({
    meta: { name, version: '0.1.0', apiVersion: 1 },
    model: `python-${mode}`,
    runtime: 'python',
    summary: SUMMARY[mode],
    get traits() {
      return traits(mode, interpreter());
    },
    defaultConcurrency: (cpus) => (mode === 'asyncio' ? 64 : Math.max(1, cpus)),
    itemsInFlight: (options) => (mode === 'asyncio' ? parseOptions(name, options).inFlight : 1),
    validateOptions: optionsProblem(name),
    unavailable(options) {
      const problem = optionsProblem(name)(options);
      if (problem) return undefined; // validateOptions says so, with the option's name
      const probe = probeInterpreter(noted(options).bin);
      return probe.ok ? undefined : probe.problem;
    },
    spawn: (spec) => spawnPythonUnit(spec, mode, noted(spec.options)),
  });
}
