// One sweep timer wires the requests that are still running, instead of a timer per request.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as Late from '../src/client/late-wiring.js';
import { distUrl } from './built.js';

const { LateWiring } = (await import(distUrl('client/late-wiring.js'))) as typeof Late;

const PERIOD = 1_000;
const request = () => ({ settled: false, wire: vi.fn() });

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('LateWiring', () => {
  it('never wires a request that settles within half a period', () => {
    const wiring = new LateWiring(PERIOD);
    const quick = request();
    wiring.add(quick);
    vi.advanceTimersByTime(PERIOD / 2 - 1);
    quick.settled = true;
    vi.advanceTimersByTime(PERIOD * 3);
    expect(quick.wire).not.toHaveBeenCalled();
  });

  it('wires a request still running between half a period and a period after it began', () => {
    const wiring = new LateWiring(PERIOD);
    const early = request();
    wiring.add(early); // the sweeps run every half period from here
    vi.advanceTimersByTime(PERIOD / 2 + 1); // first sweep: early's generation closes
    const late = request();
    wiring.add(late);
    expect(early.wire).not.toHaveBeenCalled();
    vi.advanceTimersByTime(PERIOD / 2); // second sweep: early (a period old) is wired, late (half) is not
    expect(early.wire).toHaveBeenCalledTimes(1);
    expect(late.wire).not.toHaveBeenCalled();
    vi.advanceTimersByTime(PERIOD / 2);
    expect(late.wire).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(PERIOD * 3);
    expect(early.wire).toHaveBeenCalledTimes(1);
    expect(late.wire).toHaveBeenCalledTimes(1);
  });

  it('keeps no timer while nothing is pending', () => {
    const wiring = new LateWiring(PERIOD);
    expect(vi.getTimerCount()).toBe(0);
    const hanging = request();
    wiring.add(hanging);
    wiring.add(request());
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(PERIOD * 2);
    expect(hanging.wire).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(0);
  });
});
