// Bad options are one line naming the option and the fix.
import { describe, expect, it } from 'vitest';
import pythonAsyncio from '../src/asyncio.js';
import pythonThread from '../src/thread.js';

describe('options', () => {
  it('knows bin and maxOutputBytes, and inFlight for python-asyncio only', () => {
    expect(pythonThread.validateOptions?.({ bin: 'python3', maxOutputBytes: 10 })).toBeUndefined();
    expect(pythonAsyncio.validateOptions?.({ inFlight: '8' })).toBeUndefined();
    expect(pythonAsyncio.itemsInFlight?.({ inFlight: '8' })).toBe(8);
    expect(pythonThread.validateOptions?.({ inFlight: 2 })).toBe(
      'unknown option `inFlight` for strategy python-thread; it knows bin, maxOutputBytes',
    );
    expect(pythonAsyncio.validateOptions?.({ inFlight: 0 })).toBe(
      '`inFlight` must be a positive integer, got 0',
    );
    expect(pythonThread.validateOptions?.({ bin: '' })).toBe(
      '`bin` must be a Python interpreter\'s name or path such as "python3.13t", got ""',
    );
  });
});
