export type { ConformanceOptions, Supports } from './conformance.js';
export { strategyConformance } from './conformance.js';
export { fixtureTasks } from './fixtures.js';
export type { RecordedSpec } from './make-spec.js';
export { makeSpec } from './make-spec.js';
