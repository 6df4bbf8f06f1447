import type { Failure, FailureKind } from '../contract/strategy.js';

/** Turn anything thrown into a one-line failure a user can act on; a non-Error value says so. */
export function describeError(thrown: unknown, kind: FailureKind = 'threw'): Failure {
  if (thrown instanceof Error) {
    const message = `${thrown.name}: ${thrown.message}`.split('\n')[0] ?? thrown.name;
    return thrown.stack ? { kind, message, stack: thrown.stack } : { kind, message };
  }
  return { kind, message: `threw a non-Error value: ${previewValue(thrown)}` };
}

function previewValue(value: unknown): string {
  if (typeof value === 'string')
    return JSON.stringify(value.length > 200 ? `${value.slice(0, 200)}…` : value);
  try {
    const json = JSON.stringify(value);
    if (json !== undefined) return json.length > 200 ? `${json.slice(0, 200)}…` : json;
  } catch {
    // Circular or BigInt: fall through to String().
  }
  return String(value);
}
