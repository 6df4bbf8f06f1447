// A strategy that cannot run here is offered on the setup screen greyed, with its line, and not chosen by
// default; a run that names it stops with the line; one that names none leaves it out and says so.
import { InputError } from '@concur/core';
import { cleanup, render } from 'ink-testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../src/dashboard/App.js';
import { keepAvailable, unavailableStrategies, withoutUnavailable } from '../src/session/availability.js';
import type { ExecuteComparison } from '../src/session/types.js';
import { catalog, plain, tick } from './fixtures/dashboard/samples.js';

afterEach(cleanup);

const LINE = 'no Redis at redis://127.0.0.1:6379: start one or pass --option queue.broker=URL';

/** The sample catalog with its thread strategy unable to run, as a queue strategy is without a broker. */
function withOneUnavailable() {
  const base = catalog();
  return {
    ...base,
    strategies: base.strategies.map((s) =>
      s.name === 'thread' ? { ...s, strategy: { ...s.strategy, unavailable: async () => LINE } } : s,
    ),
  };
}

describe('availability', () => {
  it('asks each strategy with its own options, and names the ones that cannot run', async () => {
    const asked = vi.fn(async (options: Readonly<Record<string, unknown>>) =>
      options.broker === 'up' ? undefined : LINE,
    );
    const strategies = catalog().strategies.map((s) =>
      s.name === 'async' ? { ...s, strategy: { ...s.strategy, unavailable: asked } } : s,
    );
    expect(await unavailableStrategies(strategies)).toEqual(new Map([['async', LINE]]));
    expect(await unavailableStrategies(strategies, { async: { broker: 'up' } })).toEqual(new Map());
    expect(asked).toHaveBeenLastCalledWith({ broker: 'up' });
  });

  it('stops a comparison that names one, and leaves it out of one that names none', async () => {
    const { strategies } = withOneUnavailable();
    await expect(keepAvailable(strategies, { named: true, options: {} })).rejects.toThrow(
      new InputError(`strategy "thread" cannot run here: ${LINE}`),
    );
    const notes: string[] = [];
    const kept = await keepAvailable(strategies, { named: false, options: {}, note: (l) => notes.push(l) });
    expect(kept.map((s) => s.name)).toEqual(['process', 'async']);
    expect(notes).toEqual([`left out strategy "thread": ${LINE}`]);
  });

  it('greys it on the setup screen with its line, unchosen', async () => {
    const offered = withoutUnavailable(
      withOneUnavailable(),
      await unavailableStrategies(withOneUnavailable().strategies),
    );
    const execute = vi.fn<ExecuteComparison>(() => new Promise(() => {}));
    const app = render(<App catalog={offered} execute={execute} onExit={() => {}} />);
    const frame = plain(app.lastFrame());
    expect(frame).toMatch(/\[x\] process/);
    expect(frame).not.toMatch(/\[.\] thread/);
    expect(frame).toMatch(/✗\s+thread\s+unavailable here: no Redis at redis:\/\/127\.0\.0\.1:6379/);
    app.stdin.write('\r');
    await tick(20);
    expect(execute.mock.calls[0]?.[0].strategies).toEqual(['process', 'async']);
  });
});
