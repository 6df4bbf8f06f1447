// The main side of a channel unit, driven message by message over a transport that records what it is given.
import { describe, expect, it } from 'vitest';
import { makeSpec } from '../src/testkit/make-spec.js';
import { ChannelUnit, type FromUnit, type ToUnit } from '../src/unit-kit/index.js';

const tick = () => new Promise((resolve) => setImmediate(resolve));

/** A unit over a fake transport: `sent` is what reached the "unit", `deliver` plays the unit's answers. */
function fakeUnit(options: { refuse?: (input: unknown) => boolean; closeGraceMs?: number } = {}) {
  const sent: ToUnit[] = [];
  let terminated = 0;
  const spec = makeSpec('file:///not/loaded.mjs');
  const unit: ChannelUnit = new ChannelUnit({
    id: 'fake 1',
    spec,
    where: 'a fake context',
    scope: 'process',
    closeGraceMs: options.closeGraceMs ?? 200,
    transport: {
      post(message) {
        if (message.t === 'run' && message.items.some((item) => options.refuse?.(item.input)))
          throw new Error('could not be cloned');
        sent.push(message);
      },
      async terminate() {
        terminated += 1;
        unit.contextEnded(null, 'SIGTERM');
      },
    },
    exitReason: ({ code, signal }, fatal) =>
      `${signal ? `killed by ${signal}` : `exited with code ${code}`}${fatal ? ` after an ${fatal}` : ''}`,
  });
  const deliver = (message: FromUnit) => unit.receive(message);
  const runIds = () => sent.flatMap((m) => (m.t === 'run' ? m.items.map((item) => item.id) : []));
  return { unit, spec, sent, deliver, runIds, terminated: () => terminated };
}

describe('ChannelUnit', () => {
  it('is ready once its side says so, and settles each item by the id it went out with', async () => {
    const { unit, sent, deliver, runIds } = fakeUnit();
    deliver({ t: 'ready' });
    await unit.ready;
    const a = unit.run({ index: 7, input: 'a' });
    const b = unit.run({ index: 8, input: 'b' });
    await tick();
    // Both items of one turn left in one message, each with its place in the input list.
    expect(sent).toEqual([
      {
        t: 'run',
        items: [
          { id: 0, index: 7, input: 'a' },
          { id: 1, index: 8, input: 'b' },
        ],
      },
    ]);
    const [idA, idB] = runIds();
    deliver({
      t: 'results',
      results: [
        { id: idB as number, ok: true, value: 'B', ms: 2 },
        { id: idA as number, ok: false, error: { kind: 'threw', message: 'Error: a' }, ms: 1 },
      ],
    });
    expect(await a).toEqual({ ok: false, error: { kind: 'threw', message: 'Error: a' }, serviceMs: 1 });
    expect(await b).toEqual({ ok: true, value: 'B', serviceMs: 2 });
  });

  it('fails only the item whose input cannot travel, as not-cloneable, naming it', async () => {
    const { unit, deliver, runIds } = fakeUnit({ refuse: (input) => input === 'bad' });
    deliver({ t: 'ready' });
    await unit.ready;
    const good = unit.run({ index: 0, input: 'good' });
    const bad = unit.run({ index: 1, input: 'bad' });
    const outcome = await bad;
    expect(outcome).toMatchObject({ ok: false, error: { kind: 'not-cloneable' } });
    expect(Number.isNaN(outcome.serviceMs)).toBe(true);
    if (!outcome.ok)
      expect(outcome.error.message).toContain('input of item 1 cannot be sent to a fake context');
    expect(runIds()).toEqual([0]);
    deliver({ t: 'results', results: [{ id: 0, ok: true, value: 'good', ms: 1 }] });
    expect(await good).toMatchObject({ ok: true, value: 'good' });
  });

  it('rejects ready with the setup failure, in one line naming where', async () => {
    const { unit, deliver } = fakeUnit();
    deliver({ t: 'setup-failed', error: { kind: 'threw', message: 'Error: no database' } });
    await expect(unit.ready).rejects.toThrow(
      'the task could not start in a fake context: Error: no database',
    );
  });

  it('fails what is in flight as unit-exited when the unit dies, says why through exited, and refuses later items', async () => {
    const { unit, deliver } = fakeUnit();
    deliver({ t: 'ready' });
    await unit.ready;
    const running = [unit.run({ index: 0, input: 1 }), unit.run({ index: 1, input: 2 })];
    await tick();
    deliver({ t: 'fatal', message: 'uncaught Error: boom' });
    unit.contextEnded(1, null);
    for (const outcome of await Promise.all(running)) {
      expect(outcome).toMatchObject({
        ok: false,
        error: { kind: 'unit-exited', message: 'unit exited with code 1 after an uncaught Error: boom' },
      });
      expect(Number.isNaN(outcome.serviceMs)).toBe(true);
    }
    expect(await unit.exited).toEqual({
      code: 1,
      signal: null,
      reason: 'exited with code 1 after an uncaught Error: boom',
    });
    expect(await unit.run({ index: 2, input: 3 })).toMatchObject({
      ok: false,
      error: { kind: 'unit-exited' },
    });
  });

  it('closes gracefully: teardown error labelled, final figures kept, then refuses items as killed', async () => {
    const { unit, spec, sent, deliver } = fakeUnit();
    deliver({ t: 'ready' });
    await unit.ready;
    const closing = unit.close();
    expect(sent.at(-1)).toEqual({ t: 'close' });
    expect(await unit.run({ index: 0, input: 1 })).toMatchObject({ ok: false, error: { kind: 'killed' } });
    deliver({ t: 'closed', figures: { scope: 'process', cpuUserMs: 12 }, teardownError: 'Error: pool busy' });
    unit.contextEnded(0, null);
    await closing;
    expect(spec.printed).toEqual([
      { stream: 'stderr', text: "[concur: the task's teardown failed: Error: pool busy]\n" },
    ]);
    expect(await unit.sample()).toMatchObject({ scope: 'process', cpuUserMs: 12 });
    const after = await unit.run({ index: 1, input: 1 });
    expect(after).toMatchObject({ ok: false, error: { kind: 'killed' } });
    expect(Number.isNaN(after.serviceMs)).toBe(true);
  });

  it('forces the end of a close whose teardown never answers, within its grace', async () => {
    const { unit, deliver, terminated } = fakeUnit({ closeGraceMs: 100 });
    deliver({ t: 'ready' });
    await unit.ready;
    const running = unit.run({ index: 0, input: 1 });
    const started = Date.now();
    await unit.close();
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(terminated()).toBe(1);
    expect(await running).toMatchObject({ ok: false, error: { kind: 'killed' } });
  });

  it('kills: items in flight fail as killed at once, the transport ends the context, a late answer is ignored', async () => {
    const { unit, deliver, terminated } = fakeUnit();
    deliver({ t: 'ready' });
    await unit.ready;
    const running = unit.run({ index: 0, input: 1 });
    await tick();
    await unit.kill();
    expect(terminated()).toBe(1);
    const outcome = await running;
    expect(outcome).toMatchObject({ ok: false, error: { kind: 'killed' } });
    deliver({ t: 'results', results: [{ id: 0, ok: true, value: 'late', ms: 1 }] });
    expect(await running).toBe(outcome);
  });

  it('samples the unit’s own figures, and the last ones when it is too busy to answer', async () => {
    const { unit, sent, deliver } = fakeUnit();
    deliver({ t: 'ready' });
    await unit.ready;
    const first = unit.sample();
    expect(sent.at(-1)).toEqual({ t: 'figures' });
    deliver({ t: 'figures', figures: { scope: 'process', rssBytes: 1000 } });
    expect(await first).toMatchObject({ rssBytes: 1000 });
    // No answer this time: the last figures stand once the wait is over.
    expect(await unit.sample()).toMatchObject({ rssBytes: 1000 });
  });

  it('aborts the items in flight before a kill ends the context, and ends it as soon as they answered', async () => {
    const { unit, sent, deliver, terminated } = fakeUnit();
    deliver({ t: 'ready' });
    await unit.ready;
    const running = unit.run({ index: 0, input: 1 });
    await tick();
    const killing = unit.kill();
    expect(sent.at(-1)).toEqual({ t: 'abort', reason: 'the unit is being killed' });
    expect(await running).toMatchObject({ ok: false, error: { kind: 'killed' } });
    // The context is still there: the task has its grace to clean up.
    expect(terminated()).toBe(0);
    const started = Date.now();
    deliver({
      t: 'results',
      results: [{ id: 0, ok: false, error: { kind: 'threw', message: 'AbortError' }, ms: 3 }],
    });
    await killing;
    expect(Date.now() - started).toBeLessThan(400);
    expect(terminated()).toBe(1);
  });
});
