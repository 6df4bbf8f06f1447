export type { ConformanceCheck, ConformanceOptions, Supports } from './checks.js';
export { conformanceChecks } from './checks.js';
export { strategyConformance } from './conformance.js';
export type { FixtureTasks } from './fixtures.js';
export { fixtureTasks } from './fixtures.js';
export type { RecordedSpec } from './make-spec.js';
export { makeSpec } from './make-spec.js';
export { duration, pollUntil, WaitTimeout, waitFor } from './wait.js';
