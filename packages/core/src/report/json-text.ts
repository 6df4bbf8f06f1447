/**
 * JSON for people and for diffs, without the bulk: objects indented as `JSON.stringify(value, null, 2)` does,
 * but an array of plain values (a run's per-item figures, a timeline's columns) on one line, so a run of many
 * thousand items costs a few characters per figure rather than a line each. The text parses to the same value.
 */
export function jsonText(value: unknown): string {
  return write(value, '');
}

function write(value: unknown, indent: string): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (value.every((item) => item === null || typeof item !== 'object'))
      return `[${value.map((item) => JSON.stringify(item) ?? 'null').join(',')}]`;
    return `[\n${value.map((item) => inner + write(item, inner)).join(',\n')}\n${indent}]`;
  }
  // Like JSON.stringify: a toJSON is honoured (a Date), and undefined, functions and symbols are left out.
  const json = (value as { toJSON?: () => unknown }).toJSON;
  if (typeof json === 'function') return write(json.call(value), indent);
  const entries = Object.entries(value).filter(
    ([, item]) => item !== undefined && typeof item !== 'function' && typeof item !== 'symbol',
  );
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([key, item]) => `${inner}${JSON.stringify(key)}: ${write(item, inner)}`).join(',\n')}\n${indent}}`;
}
