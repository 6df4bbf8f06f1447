import { ProgressCell } from '../contract/progress-cell.js';
import type { SpawnSpec } from '../contract/strategy.js';

export interface RecordedSpec extends SpawnSpec {
  /** Everything the unit handed to `output`, in order. */
  readonly printed: { stream: 'stdout' | 'stderr'; text: string }[];
}

/** A spawn spec for testing one unit alone, recording what it prints. */
export function makeSpec(task: string, overrides: Partial<Omit<SpawnSpec, 'output'>> = {}): RecordedSpec {
  const printed: RecordedSpec['printed'] = [];
  return {
    unit: 0,
    task,
    progress: ProgressCell.standalone(),
    inFlight: 1,
    options: {},
    ...overrides,
    printed,
    output: (stream, text) => printed.push({ stream, text }),
  };
}
