/**
 * Turn the user's `--param name=value` strings into a workload's checked {@link Params}: every declared
 * param present (the user's value or its default), each parsed by its spec's type and bound.
 */
import type { ParamSpec, Params, ParamValue, Workload } from '../contract/workload.js';
import { InputError } from '../errors.js';

/** Raw values as a user or a config file gives them: strings from flags, or already-typed values. */
export type RawParams = Readonly<Record<string, string | ParamValue>>;

/** Every param of `workload`, with the user's values parsed and checked, the defaults filling the rest. */
export function resolveParams(workload: Pick<Workload, 'name' | 'params'>, raw: RawParams): Params {
  const known = Object.keys(workload.params);
  const params: Record<string, ParamValue> = {};
  for (const [name, spec] of Object.entries(workload.params)) params[name] = spec.default;
  for (const [name, value] of Object.entries(raw)) {
    const spec = workload.params[name];
    if (!spec) {
      const takes = known.length > 0 ? `it takes ${known.join(', ')}` : 'it takes no params';
      throw new InputError(`unknown --param ${name} for workload "${workload.name}"; ${takes}`);
    }
    params[name] = parseParam(name, spec, value);
  }
  return params;
}

/** Split one `--param` flag, "n=1000", into its name and raw value. */
export function splitParamFlag(flag: string): [name: string, value: string] {
  const at = flag.indexOf('=');
  if (at <= 0) throw new InputError(`--param must look like name=value, got ${JSON.stringify(flag)}`);
  return [flag.slice(0, at).trim(), flag.slice(at + 1)];
}

/** One value parsed by its spec, or an InputError: `--param n must be an integer ≥ 1, got "abc"`. */
export function parseParam(name: string, spec: ParamSpec, value: string | ParamValue): ParamValue {
  const text = String(value).trim();
  const bad = (what: string) =>
    new InputError(`--param ${name} must be ${what}, got ${JSON.stringify(value)}`);
  switch (spec.type) {
    case 'string':
      return String(value);
    case 'boolean': {
      const word = text.toLowerCase();
      if (['true', 'yes', '1', 'on'].includes(word)) return true;
      if (['false', 'no', '0', 'off'].includes(word)) return false;
      throw bad('true or false');
    }
    case 'integer':
    case 'number': {
      const integer = spec.type === 'integer';
      const what = `${integer ? 'an integer' : 'a number'}${spec.min === undefined ? '' : ` ≥ ${spec.min}`}`;
      // Number('') is 0 and Number('0x10') is 16: accept only plain decimal (and 1e9-style) notation.
      if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text)) throw bad(what);
      const parsed = Number(text);
      if (!Number.isFinite(parsed) || (integer && !Number.isSafeInteger(parsed))) throw bad(what);
      if (spec.min !== undefined && parsed < spec.min) throw bad(what);
      return parsed;
    }
  }
}
