// Units fork the built child entry (dist/child-entry.js), so every test runs the build, exactly as a user
// would. The URL is computed so that typechecking does not need a build.
import type { Strategy, Unit } from '@concur/core';
import { makeSpec, type RecordedSpec } from '@concur/core/testkit';

export const loadStrategy = async (): Promise<Strategy> =>
  ((await import(new URL('../dist/index.js', import.meta.url).href)) as { default: Strategy }).default;

/** File URL of a plain-JavaScript task in test/fixtures. */
export const fixture = (file: string): string => new URL(`./fixtures/${file}`, import.meta.url).href;

/** Start one unit of the built strategy on `task`, with a spec that records what it prints. */
export async function startUnit(
  task: string,
  options: Record<string, unknown> = {},
  spec: Partial<Omit<RecordedSpec, 'output' | 'printed'>> = {},
): Promise<{ unit: Unit; spec: RecordedSpec }> {
  const strategy = await loadStrategy();
  const recorded = makeSpec(task, { options, inFlight: strategy.itemsInFlight?.(options) ?? 1, ...spec });
  return { unit: await strategy.spawn(recorded), spec: recorded };
}
