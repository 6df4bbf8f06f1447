import { cleanup, render } from 'ink-testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../src/dashboard/App.js';
import { stallHint } from '../src/dashboard/LiveScreen.js';
import {
  catalog,
  eventually,
  lastDrawn,
  planned,
  record,
  scriptedExecute,
  snapshot,
  TRAITS,
  tick,
  unit,
} from './fixtures/dashboard/samples.js';

afterEach(cleanup);

async function startRun(strategies = catalog()) {
  const script = scriptedExecute();
  const onExit = vi.fn();
  const app = render(<App catalog={strategies} execute={script.execute} onExit={onExit} />);
  await tick();
  app.stdin.write('\r');
  // The run starts once the drawing is warm: events sent before then would reach no one.
  await eventually(() => expect(script.signal()).toBeDefined());
  const plan = ['baseline', ...strategies.strategies.map((s) => s.name)].map((s) => planned(s));
  script.emit({ type: 'plan', plan, items: 4 });
  script.emit({ type: 'run-start', planned: planned('baseline'), position: 0 });
  script.emit({
    type: 'run-end',
    planned: planned('baseline'),
    record: record({ strategy: 'baseline', wallMs: 2000 }),
  });
  script.emit({ type: 'run-start', planned: planned('process'), position: 1 });
  return { ...script, app, onExit, frame: () => lastDrawn(app.frames) };
}

describe('the live screen', () => {
  it('shows the running strategy live, finished ones as a line, queued ones listed', async () => {
    const run = await startRun();
    run.emit({ type: 'snapshot', snapshot: snapshot({ units: [unit(0, { progress: 0.4 }), unit(1)] }) });
    await eventually(() => expect(run.frame()).toContain('▶ process'));
    const frame = run.frame();
    expect(frame).toMatch(/✓ baseline\s+2\.00 s/);
    expect(frame).toContain('▶ process');
    expect(frame).toMatch(/pid 4100 .*40%/);
    expect(frame).toMatch(/· thread\s+queued · 1 run/);
    expect(frame).toMatch(/· async\s+queued/);
    expect(frame).toContain('run 2 of 4');
  });

  it('renders at its own pace, not once per event', async () => {
    const run = await startRun();
    await tick(150);
    const before = run.app.frames.length;
    const startedAt = Date.now();
    for (let i = 0; i < 2000; i += 1)
      run.emit({
        type: 'snapshot',
        snapshot: snapshot({ done: i % 4, units: [unit(0, { progress: (i % 100) / 100 })] }),
      });
    await tick(300);
    const rendered = run.app.frames.length - before;
    // One frame per 100 ms tick at most (plus slack), however many events arrived.
    expect(rendered).toBeLessThanOrEqual(Math.ceil((Date.now() - startedAt) / 100) + 2);
    await eventually(() => expect(run.frame()).toMatch(/pid 4100 .*99%/));
  });

  it('keeps moving and says so when the engine stops sending snapshots', async () => {
    const run = await startRun();
    await tick(200);
    run.emit({ type: 'run-end', planned: planned('process'), record: record() });
    run.emit({ type: 'run-start', planned: planned('async'), position: 3 });
    run.emit({ type: 'snapshot', snapshot: snapshot({ strategy: 'async' }) });
    await eventually(() => {
      const text = run.frame().replace(/[│\s]+/g, ' ');
      expect(text).toMatch(/engine event loop blocked for [\d.]+ m?s — a task is not yielding/);
      expect(text).toContain('(expected for CPU-bound work on the async strategy)');
    });
    // A snapshot arriving ends the warning.
    run.emit({ type: 'snapshot', snapshot: snapshot({ strategy: 'async' }) });
    await eventually(() => expect(run.frame()).not.toContain('blocked'));
  });

  it('explains a blocked loop for a plugin whose traits put its units on the engine’s loop, whatever its name', async () => {
    const base = catalog();
    const [first] = base.strategies;
    if (!first) throw new Error('the sample catalog has no strategy');
    const fibers = {
      ...first,
      name: 'fibers',
      strategy: {
        ...first.strategy,
        meta: { ...first.strategy.meta, name: 'fibers' },
        model: 'green threads',
        traits: { ...TRAITS.async, unit: 'Fiber', inEngineLoop: true } as typeof first.strategy.traits,
      },
    };
    const run = await startRun({ ...base, strategies: [...base.strategies, fibers] });
    await tick(200);
    run.emit({ type: 'run-end', planned: planned('process'), record: record() });
    run.emit({ type: 'run-start', planned: planned('fibers'), position: 4 });
    run.emit({ type: 'snapshot', snapshot: snapshot({ strategy: 'fibers' }) });
    await eventually(() => {
      const text = run.frame().replace(/[│\s]+/g, ' ');
      expect(text).toMatch(/engine event loop blocked for [\d.]+ m?s — a task is not yielding/);
      expect(text).toContain('(expected for CPU-bound work on the fibers strategy)');
    });
  });

  it('quits on q: aborts the run, waits for it to stop, keeps the results so far, exits 0', async () => {
    const run = await startRun();
    run.app.stdin.write('q');
    await tick(5);
    expect(run.signal()?.aborted).toBe(true);
    expect(run.onExit).not.toHaveBeenCalled();
    expect(run.frame()).toContain('stopping every unit');
    await eventually(() => expect(run.onExit).toHaveBeenCalledWith(0));
    const frame = run.frame();
    expect(frame).toContain('stopped early: these are partial results');
    expect(frame).toContain('Verdict');
    expect(frame).not.toContain('run again');
  });

  it('treats Ctrl-C like q, with the exit code of an interrupt', async () => {
    const run = await startRun();
    run.app.stdin.write('\u0003');
    await eventually(() => expect(run.onExit).toHaveBeenCalledWith(130));
    expect(run.signal()?.aborted).toBe(true);
  });
});

describe('stallHint', () => {
  const inLoop = { ...TRAITS.async, inEngineLoop: true } as NonNullable<Parameters<typeof stallHint>[1]>;

  it('expects a blocked loop for computing work on units that run on the engine’s loop', () => {
    expect(stallHint('baseline', inLoop, 'cpu')).toBe('CPU-bound work on the baseline strategy');
    expect(stallHint('my-loop', inLoop, 'mixed')).toBe('mixed work on the my-loop strategy');
  });

  it('expects none for I/O work, for units of their own, or for traits that do not say', () => {
    expect(stallHint('my-loop', inLoop, 'io')).toBeNull();
    expect(stallHint('pool', { ...inLoop, parallel: true }, 'cpu')).toBeNull();
    expect(stallHint('async', { ...inLoop, inEngineLoop: false }, 'cpu')).toBeNull();
    const { inEngineLoop: _, ...silent } = inLoop;
    expect(stallHint('async', silent, 'cpu')).toBeNull();
    expect(stallHint('gone', undefined, 'cpu')).toBeNull();
  });
});
