/**
 * Tiny shape checkers for reading a report back from JSON. Each one takes the value and its path
 * ("report.runs[2].wallMs") and either returns the value typed, or throws an Error naming the path, what
 * was expected and what was found.
 */

/** A value read from JSON, not yet trusted. */
export type Json = unknown;

export function fail(path: string, expected: string, got: Json): never {
  if (got === undefined) throw new Error(`${path} must be ${expected}, but it is missing`);
  throw new Error(`${path} must be ${expected}, got ${preview(got)}`);
}

function preview(value: Json): string {
  const text = Array.isArray(value) ? `an array of ${value.length}` : JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

export function object(value: Json, path: string): Record<string, Json> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(path, 'an object', value);
  return value as Record<string, Json>;
}

/** A finite number. */
export function number(value: Json, path: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) fail(path, 'a number', value);
  return value;
}

/** A number where NaN is allowed (JSON stores NaN as null, so null reads back as NaN). */
export function numberOrNaN(value: Json, path: string): number {
  if (value === null) return Number.NaN;
  return number(value, path);
}

export function nullableNumber(value: Json, path: string): number | null {
  return value === null ? null : number(value, path);
}

export function integer(value: Json, path: string): number {
  if (!Number.isInteger(value)) fail(path, 'an integer', value);
  return value as number;
}

export function string(value: Json, path: string): string {
  if (typeof value !== 'string') fail(path, 'a string', value);
  return value;
}

export function boolean(value: Json, path: string): boolean {
  if (typeof value !== 'boolean') fail(path, 'true or false', value);
  return value;
}

export function oneOf<T extends string>(value: Json, path: string, choices: readonly T[]): T {
  if (!choices.includes(value as T)) fail(path, `one of ${choices.map((c) => `"${c}"`).join(', ')}`, value);
  return value as T;
}

export function array<T>(value: Json, path: string, each: (item: Json, path: string) => T): T[] {
  if (!Array.isArray(value)) fail(path, 'an array', value);
  return value.map((item, index) => each(item, `${path}[${index}]`));
}

/** `check` the value unless it is absent. */
export function optional<T>(
  value: Json,
  path: string,
  check: (value: Json, path: string) => T,
): T | undefined {
  return value === undefined ? undefined : check(value, path);
}

/** An object whose every value passes `each`. */
export function record<T>(
  value: Json,
  path: string,
  each: (item: Json, path: string) => T,
): Record<string, T> {
  const entries = Object.entries(object(value, path));
  return Object.fromEntries(entries.map(([key, item]) => [key, each(item, keyPath(path, key))]));
}

/** `report.params.size`, or `report.params["chunk-size"]` where the key is not an identifier. */
function keyPath(path: string, key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}
