import { expect, it } from 'vitest';
import { InputError } from '../src/index.js';
import { runStrategy } from '../src/orchestrate/index.js';
import { fixtureTasks, inline } from './fixtures/engine.js';

const run = (overrides: Record<string, unknown>) =>
  runStrategy({ strategy: inline, task: fixtureTasks.echo, inputs: [1], concurrency: 1, ...overrides });

it.each([
  [{ concurrency: 0 }, 'concurrency must be a positive integer, got 0'],
  [{ concurrency: 'abc' }, 'concurrency must be a positive integer, got "abc"'],
  [{ concurrency: 1.5 }, 'concurrency must be a positive integer, got 1.5'],
  [{ timeoutMs: -1 }, 'timeout must be a positive duration such as 30s or 500ms, got -1'],
  [{ options: { inFlight: 0 } }, '`inFlight` must be ≥ 1'],
])('refuses %j with one clear line', async (overrides, message) => {
  await expect(run(overrides)).rejects.toThrow(new InputError(message));
});
