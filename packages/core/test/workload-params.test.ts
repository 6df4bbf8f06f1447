import { describe, expect, it } from 'vitest';
import type { Workload } from '../src/contract/workload.js';
import { InputError } from '../src/errors.js';
import { resolveParams, splitParamFlag } from '../src/workload/params.js';

const workload: Pick<Workload, 'name' | 'params'> = {
  name: 'demo',
  params: {
    items: { type: 'integer', default: 4, min: 1, description: 'how many items' },
    ratio: { type: 'number', default: 0.5, min: 0, description: 'a fraction' },
    url: { type: 'string', default: '', description: 'target' },
    keepAlive: { type: 'boolean', default: true, description: 'reuse connections' },
  },
};

function errorOf(run: () => unknown): InputError {
  try {
    run();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('resolveParams', () => {
  it('fills every param with its default when the user sets none', () => {
    expect(resolveParams(workload, {})).toEqual({ items: 4, ratio: 0.5, url: '', keepAlive: true });
  });

  it('parses each value by the type of its spec', () => {
    const params = resolveParams(workload, {
      items: '10',
      ratio: '2.5',
      url: 'http://127.0.0.1:1/x',
      keepAlive: 'no',
    });
    expect(params).toEqual({ items: 10, ratio: 2.5, url: 'http://127.0.0.1:1/x', keepAlive: false });
  });

  it('accepts 1e9-style integers and already-typed values from a config file', () => {
    expect(resolveParams(workload, { items: '1e3' }).items).toBe(1000);
    expect(resolveParams(workload, { items: 7, keepAlive: false })).toMatchObject({
      items: 7,
      keepAlive: false,
    });
  });

  it('names the param, the expected type and bound, and the bad value', () => {
    expect(errorOf(() => resolveParams(workload, { items: 'abc' })).message).toBe(
      '--param items must be an integer ≥ 1, got "abc"',
    );
    expect(errorOf(() => resolveParams(workload, { items: '0' })).message).toContain('≥ 1, got "0"');
    expect(errorOf(() => resolveParams(workload, { items: '2.5' })).message).toContain('an integer');
    expect(errorOf(() => resolveParams(workload, { items: '' })).message).toContain('got ""');
    expect(errorOf(() => resolveParams(workload, { items: '0x10' })).message).toContain('got "0x10"');
    expect(errorOf(() => resolveParams(workload, { ratio: '-1' })).message).toBe(
      '--param ratio must be a number ≥ 0, got "-1"',
    );
    expect(errorOf(() => resolveParams(workload, { keepAlive: 'maybe' })).message).toBe(
      '--param keepAlive must be true or false, got "maybe"',
    );
  });

  it('rejects an unknown param and lists the known ones', () => {
    const message = errorOf(() => resolveParams(workload, { itmes: '3' })).message;
    expect(message).toBe('unknown --param itmes for workload "demo"; it takes items, ratio, url, keepAlive');
  });
});

describe('splitParamFlag', () => {
  it('splits at the first equals sign, so values may hold more', () => {
    expect(splitParamFlag('url=http://127.0.0.1:8080/?a=b')).toEqual(['url', 'http://127.0.0.1:8080/?a=b']);
  });

  it('rejects a flag without a name or an equals sign', () => {
    expect(errorOf(() => splitParamFlag('items')).message).toBe(
      '--param must look like name=value, got "items"',
    );
    expect(() => splitParamFlag('=3')).toThrow(InputError);
  });
});
