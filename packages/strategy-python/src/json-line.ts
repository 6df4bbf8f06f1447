/**
 * The channel to a Python host carries one JSON document per line. JSON.stringify drops a function or a
 * symbol without a word and turns a Map into `{}`; a value Python would receive changed is a value that
 * cannot travel, so this encoder refuses it, and the unit kit fails that item alone as `not-cloneable`.
 */

/** `value` as one line of JSON; throws a TypeError naming the first part that JSON cannot carry as it is. */
export function toJsonLine(value: unknown): string {
  return `${JSON.stringify(value, strictReplacer)}\n`;
}

function strictReplacer(this: unknown, key: string, value: unknown): unknown {
  const where = key === '' ? 'the value' : `"${key}"`;
  switch (typeof value) {
    case 'function':
    case 'symbol':
    case 'bigint':
      throw new TypeError(`${where} is a ${typeof value}, which JSON cannot carry`);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`${where} is ${value}, which JSON cannot carry`);
      return value;
    case 'object': {
      if (value === null || Array.isArray(value)) return value;
      const proto = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null)
        throw new TypeError(
          `${where} is a ${(value as object).constructor?.name ?? 'class instance'}, which JSON cannot carry as it is`,
        );
      return value;
    }
    default:
      return value;
  }
}
