// Whether a Redis answers, asked once for every test file: without one the queue tests skip with one line,
// except under CI, where a broker is always there and its absence is a failure.
import type { TestProject } from 'vitest/node';
import { probe } from '../src/broker.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The Redis the tests use, or null when none answers (the tests then skip). */
    broker: string | null;
  }
}

export default async function setup(project: TestProject): Promise<void> {
  const url = process.env.CONCUR_TEST_REDIS ?? 'redis://127.0.0.1:6379';
  const problem = await probe(url);
  if (problem && process.env.CI)
    throw new Error(`the queue strategy's tests need a Redis, and CI always has one: ${problem}`);
  if (problem) console.warn(`@concur/strategy-queue: tests skipped: ${problem}`);
  project.provide('broker', problem ? null : url);
}
