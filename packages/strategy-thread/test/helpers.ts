import type { SpawnSpec, Unit } from '@concur/core';
import { makeSpec, type RecordedSpec } from '@concur/core/testkit';
import strategy from '../src/index.js';

export const fixture = (name: string): string => new URL(`./fixtures/${name}`, import.meta.url).href;

/** Start one thread unit on a fixture task; the spec records what it printed. */
export async function spawnUnit(
  task: string,
  overrides: Partial<Omit<SpawnSpec, 'output'>> = {},
): Promise<{ unit: Unit; spec: RecordedSpec }> {
  const spec = makeSpec(fixture(task), overrides);
  return { unit: await strategy.spawn(spec), spec };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
